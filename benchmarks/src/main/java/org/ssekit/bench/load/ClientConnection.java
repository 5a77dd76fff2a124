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
