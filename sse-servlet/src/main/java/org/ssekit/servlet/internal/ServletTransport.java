package org.ssekit.servlet.internal;

import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.ssekit.StreamClosedException;
import org.ssekit.internal.OutboundStream;
import org.ssekit.internal.Transport;

/** Servlet non-blocking output under an {@link OutboundStream}; also its async and write listener. */
public final class ServletTransport implements Transport, WriteListener, AsyncListener {
    private final AsyncContext async;
    private final ServletOutputStream out;
    private volatile OutboundStream stream;

    public ServletTransport(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** Connects the stream and starts listening; the container then calls onWritePossible. */
    public void start(OutboundStream stream) {
        this.stream = stream;
        async.addListener(this);
        out.setWriteListener(this);
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
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
        stream.onError(t);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        stream.onError(new StreamClosedException("response completed"));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        stream.onError(new StreamClosedException("async timeout"));
    }

    @Override
    public void onError(AsyncEvent event) {
        stream.onError(event.getThrowable() == null
                ? new StreamClosedException("connection failed") : event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not re-armed: the stream lives in one async cycle.
    }
}
