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
package org.ssekit.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ssekit.conformance.client.EventStreamParser;
import org.ssekit.conformance.client.MessageEvent;

/**
 * An HTTP/1.1 client on a plain socket: it shows the status, the headers and the body bytes
 * exactly as sent (chunk framing removed), which is what these tests assert. It reads only
 * while a test waits for something, so the server sees a client that reads when the test
 * says. The events are what the conformance suite's reference parser
 * ({@link EventStreamParser}, WHATWG-exact) dispatches from the body bytes read so far.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private byte[] body = new byte[8192];
    private int bodyLength;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private int status;
    private boolean chunked;
    private long chunkLeft;
    private boolean ended;
    private final List<MessageEvent> events = new ArrayList<>();
    private final EventStreamParser parser = new EventStreamParser(new EventStreamParser.Listener() {
        @Override
        public void onEvent(MessageEvent event) {
            events.add(event);
        }
    });

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Sends {@code GET path} with the given extra header lines ("Name: value") and reads the head. */
    static RawClient get(int port, String path, String... headerLines) throws IOException {
        return request(port, "GET", path, List.of(headerLines), 0);
    }

    static RawClient request(int port, String method, String path, List<String> headerLines, int receiveBuffer)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        boolean hasAccept = headerLines.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("accept:"));
        if (!hasAccept) {
            req.append("Accept: text/event-stream\r\n");
        }
        headerLines.forEach(h -> req.append(h).append("\r\n"));
        req.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        RawClient c = new RawClient(socket);
        c.readHead();
        return c;
    }

    /** A client that only connects and sends a request, and never reads: a stalled consumer. */
    static Socket stalled(int port, String path, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private void readHead() throws IOException {
        String statusLine = readLine();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        chunked = "chunked".equalsIgnoreCase(header("Transfer-Encoding"));
        if (!chunked && header("Content-Length") != null) {
            chunkLeft = Long.parseLong(header("Content-Length"));
            if (chunkLeft == 0) {
                ended = true;
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    int status() {
        return status;
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? null : v.get(0);
    }

    List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** Reads body bytes until the body so far contains {@code text}; fails after {@code timeout}. */
    String readUntil(String text, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        while (indexOf(wanted, from) < 0) {
            from = Math.max(0, bodyLength - wanted.length + 1);
            if (System.nanoTime() > deadline || !readSome(deadline)) {
                throw new AssertionError("no '" + text.replace("\n", "\\n") + "' within " + timeout
                        + "; body so far ends with: " + tail(bodyText(), 400).replace("\n", "\\n"));
            }
        }
        return bodyText();
    }

    /** {@link #readUntil} then {@link #events()}: the events dispatched once the body contains {@code text}. */
    List<MessageEvent> eventsUntil(String text, Duration timeout) throws IOException {
        readUntil(text, timeout);
        return events();
    }

    /** Reads until the server ends the body; false when it did not within {@code timeout}. */
    boolean awaitEnd(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            readSome(deadline);
        }
        return true;
    }

    /** Reads what arrives within {@code window} and returns the whole body so far. */
    String readFor(Duration window) throws IOException {
        long deadline = System.nanoTime() + window.toNanos();
        while (!ended && System.nanoTime() < deadline) {
            readSome(deadline);
        }
        return bodyText();
    }

    /** One read of body bytes; false at the end of the body. */
    private boolean readSome(long deadlineNanos) throws IOException {
        if (ended) {
            return false;
        }
        int millis = (int) Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        socket.setSoTimeout(millis);
        try {
            if (chunked && chunkLeft == 0) {
                String size = readLine();
                if (size.isEmpty()) {
                    size = readLine();
                }
                chunkLeft = Long.parseLong(size.split(";")[0].trim(), 16);
                if (chunkLeft == 0) {
                    ended = true;
                    return false;
                }
            }
            byte[] buf = new byte[8192];
            int max = chunked || chunkLeft > 0 ? (int) Math.min(buf.length, chunkLeft) : buf.length;
            int n = in.read(buf, 0, max);
            if (n < 0) {
                ended = true;
                return false;
            }
            append(buf, n);
            if (chunked || chunkLeft > 0) {
                chunkLeft -= n;
                if (!chunked && chunkLeft == 0) {
                    ended = true;
                }
            }
            return true;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    private static String tail(String s, int chars) {
        return s.length() <= chars ? s : "..." + s.substring(s.length() - chars);
    }

    private void append(byte[] bytes, int n) {
        parser.feed(bytes, 0, n);
        if (bodyLength + n > body.length) {
            body = java.util.Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
        }
        System.arraycopy(bytes, 0, body, bodyLength, n);
        bodyLength += n;
    }

    private int indexOf(byte[] wanted, int from) {
        outer:
        for (int i = from; i <= bodyLength - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (body[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * The events a browser would have dispatched from the body read so far: complete events
     * only (comments and a trailing partial block dispatch nothing). An event's
     * {@link MessageEvent#lastEventId()} is the last event ID at its dispatch, the one
     * {@code EventSource} would send on reconnection.
     */
    List<MessageEvent> events() {
        return List.copyOf(events);
    }

    String bodyText() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
