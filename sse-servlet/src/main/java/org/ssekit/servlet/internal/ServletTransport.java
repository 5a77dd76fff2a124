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
package org.ssekit.servlet.internal;

import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.StreamClosedException;
import org.ssekit.internal.OutboundStream;
import org.ssekit.internal.StreamHub;
import org.ssekit.internal.Transport;

/**
 * Servlet non-blocking output under an {@link OutboundStream}; also its async and write
 * listener. Shared by the servlet and JAX-RS bindings.
 *
 * <p>Thread-safe: calls into the container's output, our {@code complete()}, and the
 * container's end callbacks exclude each other, so nothing of ours reaches the exchange once
 * the container has ended it and may recycle its objects for the next one.
 */
public final class ServletTransport implements Transport, WriteListener, AsyncListener {
    private static final System.Logger LOG = System.getLogger(ServletTransport.class.getName());

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final ContainerQuirks quirks;
    /** Held by every call into the container's output, and by the container's end callbacks. */
    private final Object io = new Object();
    private boolean ended; // guarded by io
    private boolean flushedOnce; // guarded by io
    private volatile OutboundStream stream;
    private volatile Throwable failure;

    private ServletTransport(AsyncContext async, ServletOutputStream out, ContainerQuirks quirks) {
        this.async = async;
        this.out = out;
        this.quirks = quirks;
    }

    /**
     * Starts an event stream on an exchange already in async mode, on a place the hub has
     * admitted: status 200 and the event-stream headers, async timeout 0, the opening frame
     * queued, the stream registered. Nothing is written, and the write listener is not set,
     * until the caller calls {@link OutboundStream#begin()}, so it can subscribe the stream first.
     */
    public static ServletTransport open(StreamHub hub, AsyncContext async, String lastEventId) throws IOException {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no");
        async.setTimeout(0);
        ServletTransport transport = new ServletTransport(async, response.getOutputStream(),
                ContainerQuirks.of(hub.config(), async.getRequest().getServletContext().getServerInfo()));
        OutboundStream stream = hub.newStream(transport, lastEventId);
        stream.enqueue(hub.openingFrame(), null);
        transport.stream = stream;
        async.addListener(transport);
        hub.register(stream);
        return transport;
    }

    @Override
    public void start(OutboundStream owner) {
        // The container calls onWritePossible once it is set: the first write waits for it.
        out.setWriteListener(this);
    }

    public OutboundStream stream() {
        return stream;
    }

    /** The first write or connection failure, or null when the exchange ended without one. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public boolean isReady() {
        synchronized (io) {
            return !ended && out.isReady();
        }
    }

    @Override
    public boolean writesMayBlock() {
        return quirks.blockingWrites();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        synchronized (io) {
            checkNotEnded();
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (io) {
            checkNotEnded();
            try {
                out.flush();
                if (quirks.doubleFirstFlush() && !flushedOnce && out.isReady()) {
                    out.flush(); // the first one only commits the head there
                }
                flushedOnce = true;
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    private void checkNotEnded() throws StreamClosedException {
        if (ended) {
            throw new StreamClosedException("the container ended the exchange");
        }
    }

    /** Completes the exchange; under the lock, so that it cannot reach a recycled one either. */
    @Override
    public void close() {
        synchronized (io) {
            if (!ended) {
                ended = true;
                complete();
            }
        }
    }

    private void complete() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // The container ended the exchange first (client gone, server stopping).
        }
    }

    @Override
    public void onWritePossible() {
        stream.onWritable();
    }

    @Override
    public void onError(Throwable t) {
        endedByContainer();
        stream.onError(failed(t));
    }

    @Override
    public void onComplete(AsyncEvent event) {
        markEnded();
        stream.onError(new StreamClosedException("response completed"));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        endedByContainer();
        stream.onError(failed(new StreamClosedException("async timeout")));
    }

    @Override
    public void onError(AsyncEvent event) {
        endedByContainer();
        Throwable cause = event.getThrowable();
        stream.onError(failed(cause == null ? new StreamClosedException("connection failed") : cause));
    }

    /**
     * The container is ending the exchange and will recycle its objects once this callback
     * returns. Waiting here for a write under way on another thread, and refusing every later
     * one, keeps our writes off the next exchange those objects serve (seen on Tomcat: an
     * unrelated new stream cut after its first frame). The wait is one non-blocking write.
     */
    private void endedByContainer() {
        if (markEnded()) {
            complete(); // inside the container's own error callback: where the spec asks for it
        }
    }

    /** Waits for a call under way into the output and refuses later ones; true the first time. */
    private boolean markEnded() {
        synchronized (io) {
            boolean first = !ended;
            ended = true;
            return first;
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not re-armed: the stream lives in one async cycle.
    }

    private <T extends Throwable> T failed(T cause) {
        if (failure == null) {
            failure = cause;
            LOG.log(System.Logger.Level.DEBUG, "event stream connection lost: {0}", String.valueOf(cause));
        }
        return cause;
    }
}
