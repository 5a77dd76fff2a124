package org.ssekit.internal;

import java.io.IOException;

/**
 * The non-blocking output under an {@link OutboundStream}. Only the stream's writer calls
 * {@link #write}, {@link #flush} and {@link #close}, one thread at a time, and never again after
 * {@link #close()}; {@link #isReady()} is called under the stream's monitor, so a write-possible
 * callback cannot slip between a false answer and the stream's noting it.
 */
public interface Transport {
    /**
     * Starts listening: from now on the transport calls {@link OutboundStream#onWritable()}
     * when it can take a write (first at once, or when the container says so), and
     * {@link OutboundStream#onError} when the connection fails. Called once, by
     * {@link OutboundStream#begin()}.
     */
    void start(OutboundStream stream);

    /**
     * True when a write or flush may start now. False means the previous one is still under
     * way and the transport will call {@link OutboundStream#onWritable()} once it is done.
     */
    boolean isReady() throws IOException;

    void write(byte[] bytes, int offset, int length) throws IOException;

    void flush() throws IOException;

    /**
     * True when a write or flush may block the calling thread although {@link #isReady()}
     * said true ({@link org.ssekit.SseConfig#blockingWrites()}). The stream then runs its writer
     * on the writer pool for blocking transports, never on a sender's or a shared writer's thread.
     */
    default boolean writesMayBlock() {
        return false;
    }

    /** Ends the exchange (for a servlet: {@code AsyncContext.complete()}). Called once. */
    void close();
}
