package org.ssekit.internal;

import java.io.IOException;

/**
 * The non-blocking output under an {@link OutboundStream}. Only one thread at a time calls
 * these methods, and never again after {@link #close()}.
 */
public interface Transport {
    /**
     * True when a write or flush may start now. False means the previous one is still under
     * way and the transport will call {@link OutboundStream#onWritable()} once it is done.
     */
    boolean isReady() throws IOException;

    void write(byte[] bytes, int offset, int length) throws IOException;

    /**
     * True when a write or flush may block the calling thread although {@link #isReady()}
     * said true (Open Liberty's servlet output does, once a client stops reading). The stream
     * then never writes on its senders' threads, only on its own writer threads.
     */
    default boolean writesMayBlock() {
        return false;
    }

    void flush() throws IOException;

    /** Ends the exchange (for a servlet: {@code AsyncContext.complete()}). Called once. */
    void close();
}
