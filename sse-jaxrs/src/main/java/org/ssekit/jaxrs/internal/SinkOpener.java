package org.ssekit.jaxrs.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.ssekit.internal.CorsRules;
import org.ssekit.internal.OutboundStream;
import org.ssekit.internal.StreamHub;

/**
 * Opens a {@link StreamSink} on the servlet exchange of a JAX-RS request: admission, headers,
 * async mode, and the stream on the non-blocking output, held until the resource method has
 * returned ({@link SinkStarter}). Called on the request thread.
 */
public final class SinkOpener {
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final StreamHub hub;
    private final EventConversion conversion;

    public SinkOpener(StreamHub hub, EventConversion conversion) {
        this.hub = hub;
        this.conversion = conversion;
    }

    /**
     * @throws ServiceUnavailableException (503 with Retry-After) at the connection cap
     * @throws IllegalStateException when the request did not pass the ssekit filter
     */
    public StreamSink open(ContainerRequestContext request) {
        Object exchange = request.getProperty(Exchange.PROPERTY);
        if (!(exchange instanceof Exchange ex)) {
            throw new IllegalStateException("no servlet exchange for this event-stream request: "
                    + "register SseKitFeature and run Jersey in a servlet container with async support");
        }
        if (!hub.tryAdmit()) {
            throw new ServiceUnavailableException("too many open event streams, retry later",
                    hub.retryAfterSeconds());
        }
        try {
            StreamSink sink = start(ex, lastEventId(request));
            request.setProperty(StreamSink.PROPERTY, sink);
            return sink;
        } catch (IOException e) {
            hub.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            hub.release();
            throw e;
        }
    }

    private StreamSink start(Exchange ex, String lastEventId) throws IOException {
        HttpServletRequest request = ex.request();
        // The runtime has suspended the request already (it does so for every SseEventSink method).
        AsyncContext async = request.isAsyncStarted() ? request.getAsyncContext() : request.startAsync();
        async.setTimeout(0);
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        eventStreamHeaders(response);
        if (!hub.config().cors().allowedOrigins().isEmpty()) {
            response.setHeader("Vary", "Origin"); // the answer depends on the Origin, also when same-origin
        }
        if (ex.corsOrigin() != null) {
            CorsRules.allowHeaders(hub.config().cors(), ex.corsOrigin(), response::setHeader);
        }
        ServletOutput output = new ServletOutput(async, response.getOutputStream());
        OutboundStream stream = hub.newStream(output, lastEventId);
        stream.enqueue(hub.openingFrame(), null);
        hub.register(stream);
        output.start(stream);
        return new StreamSink(stream, output, conversion);
    }

    private static void eventStreamHeaders(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no");
    }

    /** The Last-Event-ID header, else the configured query parameter; empty counts as absent. */
    private String lastEventId(ContainerRequestContext request) {
        String header = request.getHeaderString(LAST_EVENT_ID);
        if (header != null && !header.isEmpty()) {
            return header;
        }
        String param = request.getUriInfo().getQueryParameters().getFirst(hub.config().lastEventIdParam());
        return param == null || param.isEmpty() ? null : param;
    }
}
