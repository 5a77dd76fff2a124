// Test client (ClusterBehindNginxIT): the npm `eventsource` package on one stream, reporting on
// stdout one line per happening: "open", "event <lastEventId> <data>", "reset <lastEventId>",
// "error <message>". The package reconnects by itself (with Last-Event-ID, after the server's
// retry) whenever the server ends the stream.
import { EventSource } from 'eventsource';

const url = process.argv[2];
if (!url) {
  console.error('usage: node cluster-eventsource.mjs STREAM_URL');
  process.exit(2);
}
const source = new EventSource(url);
source.onopen = () => console.log('open');
source.onmessage = (e) => console.log(`event ${e.lastEventId} ${e.data}`);
source.addEventListener('reset', (e) => console.log(`reset ${e.lastEventId}`));
source.onerror = (e) => console.log(`error ${e.message ?? ''}`.trim());
process.stdin.on('end', () => {
  source.close();
  process.exit(0);
});
process.stdin.resume();
