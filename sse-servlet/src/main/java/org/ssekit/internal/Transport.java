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
