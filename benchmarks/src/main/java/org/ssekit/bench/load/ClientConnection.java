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
package org.ssekit.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** One client connection of a {@link ClientPool}: its channel, pending request bytes and parser. */
final class ClientConnection {
    final SocketChannel channel;
    final SseWireParser parser;
    final long startedNanos;
    final boolean churn;
    ByteBuffer request;
    SelectionKey key;
    boolean settled;

    ClientConnection(SocketChannel channel, SseWireParser parser, ByteBuffer request, boolean churn) {
        this.channel = channel;
        this.parser = parser;
        this.request = request;
        this.churn = churn;
        this.startedNanos = System.nanoTime();
    }

    /** Writes what is left of the request; true when all of it is written. */
    boolean writeRequest() throws IOException {
        channel.write(request);
        if (request.hasRemaining()) {
            return false;
        }
        request = null;
        return true;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a loopback socket that failed already: nothing to do.
        }
    }
}
