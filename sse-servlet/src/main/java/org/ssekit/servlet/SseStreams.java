/*
 * Copyright 2026 the ssekit authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.ssekit.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.Broadcaster;
import org.ssekit.CorsPolicy;
import org.ssekit.EventStream;
import org.ssekit.SseConfig;
import org.ssekit.SseMetrics;
import org.ssekit.internal.AcceptHeader;
import org.ssekit.internal.OutboundStream;
import org.ssekit.internal.StreamHub;
import org.ssekit.servlet.internal.ServletTransport;

/**
 * Opens event streams on any servlet's request and response, and owns them: the heartbeat
 * thread shared by all of them, CORS, authorization, the connection cap, and shutdown.
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
 * Other answers, each with a one-line text reason and no stream: 403 for an origin the
 * {@link CorsPolicy} does not allow, 406 when the client accepts no {@code text/event-stream},
 * 401/403 when the {@link Authorizer} says so, 503 with Retry-After at the connection cap or
 * after shutdown.
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class SseStreams implements AutoCloseable {
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final StreamHub hub;
    private final Authorizer authorizer;

    private SseStreams(SseConfig config, Authorizer authorizer) {
        this.hub = new StreamHub(config);
        this.authorizer = authorizer;
    }

    /** Streams that let every request in, as its principal (if any). */
    public static SseStreams create(SseConfig config) {
        return create(config, Authorizer.PRINCIPAL);
    }

    public static SseStreams create(SseConfig config, Authorizer authorizer) {
        return new SseStreams(Objects.requireNonNull(config, "config"), Objects.requireNonNull(authorizer, "authorizer"));
    }

    public SseConfig config() {
        return hub.config();
    }

    /**
     * Opens a stream on this exchange, or answers it with an error status (see the class
     * comment). The request must be served with {@code asyncSupported=true}.
     *
     * @return the open stream, or empty when the request was answered
     */
    public Optional<EventStream> open(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<EventStream> stream = admit(request, response).map(user -> start(request, response));
        stream.ifPresent(s -> ((OutboundStream) s).begin());
        return stream;
    }

    /**
     * Opens a stream and subscribes it to {@code channels} of {@code broadcaster}, and to the
     * events of the user the {@link Authorizer} named; a client with a Last-Event-ID first
     * gets what it missed.
     */
    public Optional<EventStream> subscribe(HttpServletRequest request, HttpServletResponse response,
            Broadcaster broadcaster, Collection<String> channels) throws IOException {
        Objects.requireNonNull(broadcaster, "broadcaster");
        Objects.requireNonNull(channels, "channels");
        Optional<Optional<String>> admitted = admit(request, response);
        if (admitted.isEmpty()) {
            return Optional.empty();
        }
        OutboundStream stream = start(request, response);
        try {
            broadcaster.subscribe(stream, channels, admitted.get().orElse(null));
        } finally {
            stream.begin();
        }
        return Optional.of(stream);
    }

    /**
     * Answers a CORS preflight: 204 with the allowed origin, credentials, methods and headers,
     * or 403 for an origin that is not allowed.
     *
     * @return false when the request is no preflight (nothing was written)
     */
    public boolean preflight(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return CorsFilter.preflight(hub.config().cors(), request, response);
    }

    /**
     * Runs every check that comes before a stream; answers the request when one fails.
     *
     * @return the admitted user (itself optional), or empty when the request was answered
     */
    private Optional<Optional<String>> admit(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!CorsFilter.admit(hub.config().cors(), request, response)) {
            return Optional.empty();
        }
        if (!AcceptHeader.acceptsEventStream(Collections.list(request.getHeaders("Accept")))) {
            Responses.reject(response, 406, "this resource serves text/event-stream only");
            return Optional.empty();
        }
        Authorizer.Access access = authorizer.authorize(request);
        if (!access.allowed()) {
            Responses.reject(response, access.status(), access.reason());
            return Optional.empty();
        }
        if (!hub.tryAdmit()) {
            response.setHeader("Retry-After", Long.toString(hub.retryAfterSeconds()));
            Responses.reject(response, 503, "too many open event streams, retry later");
            return Optional.empty();
        }
        return Optional.of(access.user());
    }

    /**
     * Sets the headers and starts the stream on a place reserved by {@link #admit}; nothing is
     * written until the caller calls {@link OutboundStream#begin()}.
     */
    private OutboundStream start(HttpServletRequest request, HttpServletResponse response) {
        try {
            AsyncContext async = request.startAsync(request, response);
            String lastEventId = hub.lastEventId(request.getHeader(LAST_EVENT_ID), request::getParameter);
            return ServletTransport.open(hub, async, lastEventId).stream();
        } catch (IOException | RuntimeException e) {
            hub.release();
            throw new IllegalStateException("cannot start an event stream"
                    + (request.isAsyncSupported() ? "" : ": the servlet or filter needs asyncSupported=true"), e);
        }
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
