package org.ssekit;

import java.io.IOException;

/**
 * The event did not reach the client: the stream was closed, the client went away, or the
 * connection's queue was full.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class StreamClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    public StreamClosedException(String message) {
        super(message);
    }

    public StreamClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
