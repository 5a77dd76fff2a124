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
package org.ssekit.conformance.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * One HTTP/1.1 request on its own socket and the response as it arrives. The head is read
 * before {@link #open} returns; the body is then read on a daemon thread, de-chunked (or read
 * to the Content-Length, or to the close), recorded with arrival times in the
 * {@link WireLog} and fed to an {@link EventStreamParser}, so a case can wait for events.
 *
 * <p>Thread-safe: the reader thread appends, any thread may query and wait.
 * {@link #close()} closes the socket, which also ends the reader.
 */
public final class HttpExchange implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpExchange.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Body bytes that arrived together.
     *
     * @param offset      where they start in {@link #body()}
     * @param length      how many
     * @param arrivalNanos {@link System#nanoTime()} when they were read
     */
    public record Chunk(int offset, int length, long arrivalNanos) {
    }

    /**
     * A dispatched event and when the blank line that dispatched it arrived.
     *
     * @param event        the event
     * @param arrivalNanos {@link System#nanoTime()} of its arrival
     */
    public record TimedEvent(MessageEvent event, long arrivalNanos) {
    }

    /**
     * A comment line and when it arrived.
     *
     * @param text         the comment without its colon
     * @param arrivalNanos {@link System#nanoTime()} of its arrival
     */
    public record TimedComment(String text, long arrivalNanos) {
    }

    private final Socket socket;
    private final String method;
    private final InputStream in;
    private boolean reading;
    private final WireLog log;
    private final String label;
    private final long startNanos;
    private final ResponseHead head;
    private final long headNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final List<Chunk> chunks = new ArrayList<>();
    private final List<TimedEvent> events = new ArrayList<>();
    private final List<TimedComment> comments = new ArrayList<>();
    private final List<Long> retries = new ArrayList<>();
    private final EventStreamParser parser;
    private long currentNanos;
    private boolean ended;
    private String endReason = "";

    private HttpExchange(Socket socket, WireLog log, String label, long startNanos, ResponseHead head, long headNanos,
                         String method, InputStream in) {
        this.method = method;
        this.in = in;
        this.socket = socket;
        this.log = log;
        this.label = label;
        this.startNanos = startNanos;
        this.head = head;
        this.headNanos = headNanos;
        this.parser = new EventStreamParser(new Collector());
    }

    /**
     * Connects, sends the request and reads the response head.
     *
     * @param request     what to send
     * @param log         where to record the exchange
     * @param label       the connection label in the log
     * @param headTimeout how long to wait for the complete response head
     * @param receiveBuffer the socket receive buffer size, or 0 for the default (a small
     *                    buffer helps a case simulate a stalled client)
     * @throws IOException when the connection fails or the head does not arrive in time
     */
    public static HttpExchange open(HttpRequest request, WireLog log, String label, Duration headTimeout,
                                    int receiveBuffer) throws IOException {
        HttpExchange exchange = openUnread(request, log, label, headTimeout, receiveBuffer);
        exchange.startReading();
        return exchange;
    }

    /**
     * Like {@link #open(HttpRequest, WireLog, String, Duration, int)} but does not read the
     * body until {@link #startReading()}: a stalled client, as far as the server can tell.
     */
    public static HttpExchange openUnread(HttpRequest request, WireLog log, String label, Duration headTimeout,
                                          int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            int port = Tls.port(request.uri());
            long startNanos = System.nanoTime();
            socket.connect(new InetSocketAddress(request.uri().getHost(), port), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) headTimeout.toMillis());
            if (Tls.isHttps(request.uri())) {
                // HTTP/1.1 over TLS: ALPN offers http/1.1 only, so an h2 server keeps to HTTP/1.1.
                socket = Tls.current().handshake(socket, request.uri().getHost(), port, List.of("http/1.1"));
                log.note(label, "TLS " + ((javax.net.ssl.SSLSocket) socket).getSession().getProtocol()
                        + ", ALPN " + describeAlpn(((javax.net.ssl.SSLSocket) socket).getApplicationProtocol()));
            }
            byte[] bytes = request.toBytes();
            log.sent(label, WireLog.escape(new String(bytes, StandardCharsets.ISO_8859_1)));
            IOException writeFailure = write(socket.getOutputStream(), bytes);
            InputStream in = socket.getInputStream();
            ResponseHead head = readHead(in, writeFailure);
            long headNanos = System.nanoTime();
            log.received(label, head.describe().replace("\n", "\\r\\n"));
            socket.setSoTimeout(0);
            return new HttpExchange(socket, log, label, startNanos, head, headNanos, request.method(), in);
        } catch (IOException | RuntimeException e) {
            log.note(label, "failed: " + describe(e));
            socket.close();
            throw e;
        }
    }

    private static String describeAlpn(String protocol) {
        return protocol == null || protocol.isEmpty() ? "none" : protocol;
    }

    /** Opens with the default receive buffer. */
    public static HttpExchange open(HttpRequest request, WireLog log, String label, Duration headTimeout)
            throws IOException {
        return open(request, log, label, headTimeout, 0);
    }

    /** A short description of an I/O failure for messages. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The response head. */
    public ResponseHead head() {
        return head;
    }

    /** Nanoseconds from connecting to the complete response head. */
    public long headLatencyNanos() {
        return headNanos - startNanos;
    }

    /** {@link System#nanoTime()} when the head had arrived. */
    public long headNanos() {
        return headNanos;
    }

    /** A snapshot of the body bytes received so far. */
    public byte[] body() {
        lock.lock();
        try {
            return body.toByteArray();
        } finally {
            lock.unlock();
        }
    }

    /** The body so far, decoded as UTF-8 with replacement. */
    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** A snapshot of the body chunks with their arrival times. */
    public List<Chunk> chunks() {
        return snapshot(chunks);
    }

    /** A snapshot of the events dispatched so far. */
    public List<TimedEvent> events() {
        return snapshot(events);
    }

    /** The data of the events dispatched so far. */
    public List<String> eventData() {
        return events().stream().map(timed -> timed.event().data()).toList();
    }

    /** A snapshot of the comments received so far. */
    public List<TimedComment> comments() {
        return snapshot(comments);
    }

    /** A snapshot of the valid retry values received so far. */
    public List<Long> retries() {
        return snapshot(retries);
    }

    /** Whether the body has ended (EOF, last chunk, or failure). */
    public boolean ended() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /** Why the body ended, such as {@code eof}; empty while open. */
    public String endReason() {
        lock.lock();
        try {
            return endReason;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the reference parser holds a half-received event. */
    public boolean hasPendingEvent() {
        lock.lock();
        try {
            return parser.hasPendingEvent();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code condition} holds for this exchange, re-testing whenever bytes
     * arrive or the body ends.
     *
     * @return whether it held before the timeout
     */
    public boolean await(Predicate<HttpExchange> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!condition.test(this)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code count} events have been dispatched. */
    public boolean awaitEvents(int count, Duration timeout) {
        return await(exchange -> exchange.events.size() >= count, timeout);
    }

    /** Waits until an event with this data has been dispatched. */
    public boolean awaitData(String data, Duration timeout) {
        return await(exchange -> exchange.events.stream().anyMatch(e -> e.event().data().equals(data)), timeout);
    }

    /** Waits until the body ends. */
    public boolean awaitEnd(Duration timeout) {
        return await(exchange -> exchange.ended, timeout);
    }

    /** Waits until the body has been silent for {@code quiet}, or {@code timeout} passed. */
    public void awaitQuiet(Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long last = lastArrivalNanos();
            long silentFor = System.nanoTime() - last;
            if (ended() || silentFor >= quiet.toNanos()) {
                return;
            }
            await(exchange -> exchange.lastArrivalNanos() != last, Duration.ofNanos(quiet.toNanos() - silentFor));
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }

    /** Closes abruptly with a TCP reset, as a crashed client would. */
    public void abort() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "linger failed", e);
        }
        close();
    }

    private long lastArrivalNanos() {
        lock.lock();
        try {
            return chunks.isEmpty() ? headNanos : chunks.get(chunks.size() - 1).arrivalNanos();
        } finally {
            lock.unlock();
        }
    }

    private <T> List<T> snapshot(List<T> list) {
        lock.lock();
        try {
            return List.copyOf(list);
        } finally {
            lock.unlock();
        }
    }

    /** Starts reading the body on a daemon thread; does nothing when already reading. */
    public void startReading() {
        lock.lock();
        try {
            if (reading) {
                return;
            }
            reading = true;
        } finally {
            lock.unlock();
        }
        BodyReader reader = BodyReader.forResponse(method, head, in, this::deliver);
        Thread thread = new Thread(() -> readBody(reader), "sse-conformance-" + label);
        thread.setDaemon(true);
        thread.start();
    }

    private void readBody(BodyReader reader) {
        String reason;
        try {
            reader.readAll();
            reason = "eof";
        } catch (EOFException e) {
            reason = "eof in the middle of a chunk";
        } catch (IOException e) {
            reason = socket.isClosed() ? "closed by the suite" : describe(e);
        }
        finish(reason);
    }

    private void deliver(byte[] bytes, int offset, int length) {
        long now = System.nanoTime();
        log.receivedBytes(label, bytes, offset, length);
        lock.lock();
        try {
            chunks.add(new Chunk(body.size(), length, now));
            body.write(bytes, offset, length);
            currentNanos = now;
            parser.feed(bytes, offset, length);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void finish(String reason) {
        log.note(label, "body ended: " + reason);
        lock.lock();
        try {
            ended = true;
            endReason = reason;
            parser.end();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private final class Collector implements EventStreamParser.Listener {
        @Override
        public void onEvent(MessageEvent event) {
            events.add(new TimedEvent(event, currentNanos));
        }

        @Override
        public void onComment(String comment) {
            comments.add(new TimedComment(comment, currentNanos));
        }

        @Override
        public void onRetry(long millis) {
            retries.add(millis);
        }
    }

    /**
     * Writes the request. A server may answer and close before it has read a large request
     * (a 431 for a huge header), so a write failure is returned, not thrown: the response
     * may still be readable.
     */
    private static IOException write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static ResponseHead readHead(InputStream in, IOException writeFailure) throws IOException {
        try {
            return HeadReader.readHead(in);
        } catch (IOException e) {
            if (writeFailure != null) {
                writeFailure.addSuppressed(e);
                throw writeFailure;
            }
            throw e;
        }
    }
}
