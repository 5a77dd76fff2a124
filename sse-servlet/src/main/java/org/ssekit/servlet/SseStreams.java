package org.ssekit.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.EventStream;
import org.ssekit.SseConfig;
import org.ssekit.SseMetrics;
import org.ssekit.internal.AcceptHeader;
import org.ssekit.internal.OutboundStream;
import org.ssekit.internal.StreamHub;
import org.ssekit.servlet.internal.ServletTransport;

/**
 * Opens event streams on any servlet's request and response, and owns them: the heartbeat
 * thread shared by all of them, the connection cap, and shutdown.
 *
 * <pre>
 * // in a servlet or filter mapped with asyncSupported=true
 * SseStreams streams = SseStreams.create(SseConfig.defaults());
 * streams.open(request, response).ifPresent(stream -&gt; stream.send(SseEvent.of("hello")));
 * </pre>
 * A client that is served receives, before any event:
 * <pre>
 * HTTP/1.1 200 OK
 * Content-Type: text/event-stream
 * Cache-Control: no-cache, no-transform
 * X-Accel-Buffering: no
 *
 * :\n                       (or "retry: N\n\n" when a retry delay is configured)
 * </pre>
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class SseStreams implements AutoCloseable {
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final StreamHub hub;

    private SseStreams(SseConfig config) {
        this.hub = new StreamHub(config);
    }

    public static SseStreams create(SseConfig config) {
        return new SseStreams(Objects.requireNonNull(config, "config"));
    }

    public SseConfig config() {
        return hub.config();
    }

    /**
     * Opens a stream on this exchange, or answers it: 406 when the client accepts no event
     * stream, 503 with Retry-After at the connection cap or after close. The request must be
     * served by a servlet or filter with {@code asyncSupported=true}.
     *
     * @return the open stream, or empty when the request was answered with an error status
     */
    public Optional<EventStream> open(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!AcceptHeader.acceptsEventStream(Collections.list(request.getHeaders("Accept")))) {
            Responses.reject(response, 406, "this resource serves text/event-stream only");
            return Optional.empty();
        }
        if (!hub.tryAdmit()) {
            response.setHeader("Retry-After", Long.toString(hub.retryAfterSeconds()));
            Responses.reject(response, 503, "too many open event streams, retry later");
            return Optional.empty();
        }
        try {
            return Optional.of(start(request, response, lastEventId(request)));
        } catch (RuntimeException | IOException e) {
            hub.release();
            throw e;
        }
    }

    private EventStream start(HttpServletRequest request, HttpServletResponse response, String lastEventId)
            throws IOException {
        Responses.eventStreamHeaders(response);
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        ServletTransport transport = new ServletTransport(async, response.getOutputStream());
        OutboundStream stream = hub.newStream(transport, lastEventId);
        stream.enqueue(hub.openingFrame(), null);
        hub.register(stream);
        transport.start(stream);
        stream.drain();
        return stream;
    }

    /** The Last-Event-ID header, else the configured query parameter; empty counts as absent. */
    String lastEventId(HttpServletRequest request) {
        String header = request.getHeader(LAST_EVENT_ID);
        if (header != null && !header.isEmpty()) {
            return header;
        }
        String param = request.getParameter(hub.config().lastEventIdParam());
        return param == null || param.isEmpty() ? null : param;
    }

    /** Streams open now. */
    public int openStreams() {
        return hub.openCount();
    }

    /** The running figures of these streams; pass them to {@code Broadcaster.Builder.metrics}. */
    public SseMetrics metrics() {
        return hub.counters();
    }

    /**
     * Closes every stream after the event in flight, so clients reconnect and resume, waiting
     * up to {@code grace} for them; new streams are refused with 503 from now on.
     */
    public void shutdown(Duration grace) {
        hub.shutdown(Objects.requireNonNull(grace, "grace"));
    }

    /** {@link #shutdown(Duration)} with a grace of two seconds. */
    @Override
    public void close() {
        hub.close();
    }
}
