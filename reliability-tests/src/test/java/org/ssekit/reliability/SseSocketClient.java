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
package org.ssekit.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ssekit.conformance.client.EventStreamParser;

/**
 * An event-stream client on a plain blocking socket, as a browser's EventSource behaves on
 * the wire: GET with Accept and (when resuming) Last-Event-ID, then the body (chunked or not)
 * through the suite's reference parser. It can leave abruptly: {@link #close()} sends FIN,
 * {@link #abort()} sends RST. Not thread-safe, except {@link #close()} and {@link #abort()}.
 */
final class SseSocketClient implements AutoCloseable {
    final Socket socket;
    final int status;
    final Map<String, String> headers;
    private final InputStream in;
    private final boolean chunked;
    private long chunkLeft;
    private boolean ended;

    private SseSocketClient(Socket socket, InputStream in, int status, Map<String, String> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
        this.chunked = "chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""));
    }

    /**
     * Connects and reads the response head. {@code receiveBuffer} > 0 sets SO_RCVBUF before
     * connecting (so the window is small from the handshake on).
     */
    static SseSocketClient connect(String host, int port, String pathAndQuery, String lastEventId, int receiveBuffer)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(30_000);
        try {
            StringBuilder req = new StringBuilder()
                    .append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n")
                    .append("Accept: text/event-stream\r\n")
                    .append("Cache-Control: no-cache\r\n");
            if (lastEventId != null && !lastEventId.isEmpty()) {
                req.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (receiveBuffer > 0 && receiveBuffer < 16384) {
                // A stalled client: the caller never reads; the head stays in the kernel.
                return new SseSocketClient(socket, socket.getInputStream(), 0, Map.of());
            }
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("connection closed before the status line");
            }
            String[] parts = statusLine.split(" ", 3);
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            return new SseSocketClient(socket, in, status, headers);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads body bytes into {@code parser} until the stream ends (returns false) or one read returned (true). */
    boolean pump(EventStreamParser parser, byte[] buf) throws IOException {
        if (ended) {
            return false;
        }
        int n;
        if (chunked) {
            if (chunkLeft == 0) {
                String size = line(in);
                while (size != null && size.isEmpty()) {
                    size = line(in);
                }
                if (size == null) {
                    ended = true;
                    return false;
                }
                int semi = size.indexOf(';');
                chunkLeft = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (chunkLeft == 0) {
                    ended = true;
                    return false;
                }
            }
            n = in.read(buf, 0, (int) Math.min(buf.length, chunkLeft));
            if (n > 0) {
                chunkLeft -= n;
            }
        } else {
            n = in.read(buf);
        }
        if (n < 0) {
            ended = true;
            return false;
        }
        parser.feed(buf, 0, n);
        return true;
    }

    /** Leaves with FIN. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Leaves with RST (SO_LINGER 0), as a killed browser tab or a crashed client does. */
    void abort() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already gone
        }
        close();
    }
}
