package org.ssekit.bench.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.ssekit.Broadcaster;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.servlet.SseStreams;

/** ssekit through its servlet binding: {@link SseStreams} opens, {@link Broadcaster} fans out. */
final class SsekitServletStack implements ServerUnderTest {
    private static final String CHANNEL = "bench";
    private SseStreams streams;
    private Broadcaster broadcaster;

    @Override
    public void install(ServletContextHandler context, Duration heartbeat) {
        streams = SseStreams.create(SseConfig.builder().heartbeat(heartbeat).build());
        broadcaster = Broadcaster.builder().metrics(streams.metrics()).build();
        ServletHolder holder = new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                streams.subscribe(req, resp, broadcaster, List.of(CHANNEL));
            }
        });
        holder.setAsyncSupported(true);
        context.addServlet(holder, PATH);
    }

    @Override
    public void publish(long seq, String data) {
        broadcaster.publish(CHANNEL, SseEvent.of(data));
    }

    @Override
    public int connections() {
        return streams.openStreams();
    }

    @Override
    public void stop() {
        broadcaster.close();
        streams.close();
    }
}
