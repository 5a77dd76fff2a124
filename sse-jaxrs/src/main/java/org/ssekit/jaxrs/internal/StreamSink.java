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
package org.ssekit.jaxrs.internal;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import org.ssekit.SseEvent;
import org.ssekit.internal.OutboundStream;
import org.ssekit.servlet.internal.ServletTransport;

/**
 * The {@link SseEventSink} resources get: every send goes through the core's bounded queue,
 * framing and non-blocking writer, and its stage completes once the bytes were flushed.
 * Thread-safe.
 */
public final class StreamSink implements SseEventSink {
    /** The request property under which the sink of a request is kept until it begins. */
    static final String PROPERTY = "org.ssekit.jaxrs.sink";

    private final OutboundStream stream;
    private final ServletTransport output;
    private final EventConversion conversion;
    private final AtomicBoolean begun = new AtomicBoolean();
    private volatile boolean closedByServer;
    private final String user;

    StreamSink(OutboundStream stream, ServletTransport output, EventConversion conversion, String user) {
        this.stream = stream;
        this.output = output;
        this.conversion = conversion;
        this.user = user;
    }

    /** The user the authorizer (or the request's principal) named, or null. */
    public String user() {
        return user;
    }

    /** The ssekit sink behind {@code sink}; fails for a sink the runtime made without ssekit. */
    public static StreamSink of(SseEventSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (sink instanceof StreamSink ours) {
            return ours;
        }
        throw new IllegalArgumentException("not an ssekit sink (" + sink.getClass().getName()
                + "): register SseKitFeature in the Application and run on Jersey or RESTEasy in a servlet container");
    }

    /** Lets the stream write (once), after the resource method returned: see {@link SinkOpener}. */
    void begin() {
        if (begun.compareAndSet(false, true)) {
            stream.begin();
        }
    }

    public OutboundStream stream() {
        return stream;
    }

    /** Runs {@code listener} once when the sink ends, with the failure that ended it or null. */
    public void onEnd(Consumer<Throwable> listener) {
        stream.onClose(() -> listener.accept(closedByServer ? null : output.failure()));
    }

    /**
     * @throws IllegalStateException when the sink is closed
     * @throws IllegalArgumentException when the event cannot be framed (see {@link EventConversion})
     */
    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
        if (!stream.isOpen()) {
            throw new IllegalStateException("the event sink is closed");
        }
        SseEvent converted = conversion.toSseEvent(event);
        return stream.send(converted);
    }

    @Override
    public boolean isClosed() {
        return !stream.isOpen();
    }

    /** Ends the response after the events already queued; idempotent. */
    @Override
    public void close() {
        if (stream.isOpen()) {
            closedByServer = true;
        }
        stream.close();
    }
}
