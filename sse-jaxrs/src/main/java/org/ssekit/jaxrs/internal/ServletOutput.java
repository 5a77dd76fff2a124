package org.ssekit.jaxrs.internal;

import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.ssekit.StreamClosedException;
import org.ssekit.internal.OutboundStream;
import org.ssekit.internal.Transport;

/**
 * The non-blocking servlet output under a sink's {@link OutboundStream}, and its write and
 * async listener. Remembers the first failure, so the sink can report it to onError listeners.
 */
final class ServletOutput implements Transport, WriteListener, AsyncListener {
    private static final System.Logger LOG = System.getLogger(ServletOutput.class.getName());

    private final AsyncContext async;
    private final ServletOutputStream out;
    private volatile OutboundStream stream;
    private volatile Throwable failure;

    ServletOutput(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** Connects the stream and starts listening; the container then calls onWritePossible. */
    void start(OutboundStream started) {
        this.stream = started;
        async.addListener(this);
        out.setWriteListener(this);
    }

    /** The first write or connection failure, or null when the exchange ended without one. */
    Throwable failure() {
        return failure;
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
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
        stream.onError(failed(t));
    }

    @Override
    public void onComplete(AsyncEvent event) {
        stream.onError(new StreamClosedException("response completed"));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        stream.onError(failed(new StreamClosedException("async timeout")));
    }

    @Override
    public void onError(AsyncEvent event) {
        Throwable cause = event.getThrowable();
        stream.onError(failed(cause == null ? new StreamClosedException("connection failed") : cause));
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
