package org.ssekit.conformance.checks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ssekit.conformance.client.H2Session;
import org.ssekit.conformance.client.H2Stream;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.ResponseHead;

/** H: HTTP/1.1 framing and HTTP/2 cleartext. */
final class HttpVersions extends AreaCheck {
    private static final List<String> CONNECTION_SPECIFIC = List.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade");
    private static final List<Map.Entry<String, String>> STREAM_HEADERS = List.of(
            Map.entry("accept", "text/event-stream"), Map.entry("cache-control", "no-cache"));

    HttpVersions() {
        define("H-01", this::http11Framing);
        define("H-02", this::noConnectionHeadersOnH2);
        define("H-03", this::manyStreamsOnH2);
    }

    private Outcome http11Framing(Probe probe) throws IOException {
        HttpExchange exchange = probe.stream(probe.channel());
        ResponseHead head = exchange.head();
        String expected = "HTTP/1.1 with Transfer-Encoding: chunked, or no Content-Length (close-delimited)";
        boolean chunked = head.all("Transfer-Encoding").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"));
        String actual = head.version() + (chunked ? " chunked" : head.first("Content-Length")
                .map(l -> " Content-Length: " + l).orElse(" close-delimited"));
        return chunked || !head.has("Content-Length") ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }

    private Outcome noConnectionHeadersOnH2(Probe probe) throws IOException {
        String expected = "no " + CONNECTION_SPECIFIC + " in an HTTP/2 response";
        try (H2Session session = connect(probe)) {
            if (session == null) {
                return probe.unimplemented(expected, "the server does not speak HTTP/2 cleartext (prior knowledge)");
            }
            H2Stream stream;
            try {
                stream = session.get(probe.target().streamUri(probe.channel()), STREAM_HEADERS, "h2s1",
                        Probe.HEAD_TIMEOUT);
            } catch (IOException malformed) {
                return probe.violation(expected, "the response is not valid HTTP/2, a conformant client rejects it: "
                        + malformed.getMessage());
            }
            List<String> found = stream.head().fields().stream().map(Map.Entry::getKey)
                    .filter(name -> CONNECTION_SPECIFIC.contains(name.toLowerCase(Locale.ROOT))).toList();
            String actual = stream.head().describe().replace('\n', ' ');
            return found.isEmpty() ? probe.ok(expected, actual)
                    : probe.violation(expected, "connection-specific fields " + found + " in " + actual);
        }
    }

    private Outcome manyStreamsOnH2(Probe probe) throws IOException {
        String expected = "3 streams on one HTTP/2 connection, each receiving its own events";
        try (H2Session session = connect(probe)) {
            if (session == null) {
                return probe.unimplemented(expected, "the server does not speak HTTP/2 cleartext (prior knowledge)");
            }
            List<String> channels = List.of(probe.channel(), probe.channel(), probe.channel());
            List<H2Stream> streams = new ArrayList<>();
            for (int i = 0; i < channels.size(); i++) {
                streams.add(session.get(probe.target().streamUri(channels.get(i)), STREAM_HEADERS, "h2s" + (i + 1),
                        Probe.HEAD_TIMEOUT));
            }
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < streams.size(); i++) {
                if (streams.get(i).head().status() != 200) {
                    problems.add("stream " + (i + 1) + " answered " + streams.get(i).head().status());
                }
            }
            if (problems.isEmpty() && probe.target().hasFixture()) {
                for (int i = 0; i < channels.size(); i++) {
                    probe.publish(channels.get(i), "h2-" + i);
                }
                for (int i = 0; i < streams.size(); i++) {
                    if (!streams.get(i).awaitData("h2-" + i, Probe.EVENT_TIMEOUT)) {
                        problems.add("stream " + (i + 1) + " did not receive h2-" + i + ": " + streams.get(i).eventData());
                    }
                }
            }
            return probe.judge(expected, problems, "3 concurrent streams answered"
                    + (probe.target().hasFixture() ? " and each received its own event" : ""));
        }
    }

    /** A session, or null when the server does not speak h2c (sends no SETTINGS). */
    private static H2Session connect(Probe probe) {
        try {
            return H2Session.connect(probe.target().base(), probe.log(), Duration.ofSeconds(3));
        } catch (IOException e) {
            probe.note("no HTTP/2: " + HttpExchange.describe(e));
            return null;
        }
    }
}
