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
package org.ssekit.jaxrs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.ssekit.conformance.client.EventStreamParser;
import org.ssekit.conformance.client.MessageEvent;

/**
 * A test client for one event stream over java.net.http: keeps the raw body bytes and hands
 * out, in arrival order, its lines (split on LF, as the server writes them) and the events the
 * conformance suite's reference parser ({@link EventStreamParser}, WHATWG-exact) dispatches.
 * An event comes right after the blank line that dispatched it, so a test may read a few
 * lines and then the next event.
 */
final class EventClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * One dispatched event as a browser sees it, plus the valid {@code retry} its block set.
     *
     * @param type        the event type, {@code message} when the block named none
     * @param data        the data lines joined with LF
     * @param lastEventId the last event ID at dispatch (what {@code EventSource} resends)
     * @param retry       the reconnection time in milliseconds set in this event's block, or null
     */
    record Event(String type, String data, String lastEventId, Long retry) {
    }

    /** What the reader hands out: a line, a dispatched event, or the end of the stream. */
    private sealed interface Item {
    }

    private record Line(String text) implements Item {
    }

    private record Dispatched(Event event) implements Item {
    }

    private record End() implements Item {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final Thread reader;
    /** The valid retry of the block being read; only the reader thread touches it. */
    private Long blockRetry;
    private final EventStreamParser parser = new EventStreamParser(new EventStreamParser.Listener() {
        @Override
        public void onEvent(MessageEvent event) {
            items.add(new Dispatched(new Event(event.type(), event.data(), event.lastEventId(), blockRetry)));
            blockRetry = null;
        }

        @Override
        public void onRetry(long millis) {
            blockRetry = millis;
        }
    });

    private EventClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-client");
        reader.setDaemon(true);
        reader.start();
    }

    static EventClient get(URI uri, String... headers) throws IOException, InterruptedException {
        return open(HttpRequest.newBuilder(uri).GET(), headers);
    }

    static EventClient post(URI uri, String body, String... headers) throws IOException, InterruptedException {
        return open(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/plain"), headers);
    }

    private static EventClient open(HttpRequest.Builder request, String... headers)
            throws IOException, InterruptedException {
        request.header("Accept", "text/event-stream").timeout(WAIT);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new EventClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** A plain request whose whole answer is read. */
    static HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Reads the body: each LF-terminated line is handed out, then fed (with its LF) to the
     * parser, so the events it dispatches follow the line that dispatched them.
     */
    private void read() {
        byte[] buf = new byte[8192];
        try (InputStream in = response.body()) {
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (raw) {
                    raw.write(buf, 0, n);
                }
                int lineStart = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        pending.write(buf, lineStart, i - lineStart);
                        String line = pending.toString(StandardCharsets.UTF_8);
                        pending.reset();
                        items.add(new Line(line));
                        parser.feed(buf, lineStart, i + 1 - lineStart);
                        if (line.isEmpty()) {
                            blockRetry = null; // a blank line ends the block, dispatched or not
                        }
                        lineStart = i + 1;
                    }
                }
                pending.write(buf, lineStart, n - lineStart);
                parser.feed(buf, lineStart, n - lineStart);
            }
        } catch (IOException e) {
            // The stream ended (closed by the test or by the server).
        } finally {
            parser.end();
            items.add(new End());
        }
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next line, or fails after {@code timeout}; null when the stream ended. */
    String nextLine(Duration timeout) throws InterruptedException {
        for (;;) {
            Item item = next(timeout);
            if (item instanceof Line line) {
                return line.text();
            }
            if (item instanceof End) {
                return null;
            }
        }
    }

    /** The next dispatched event (comments skipped), or null when the stream ended first. */
    Event nextEvent() throws InterruptedException {
        return nextEvent(WAIT);
    }

    /** The next dispatched event; fails when nothing arrives within {@code timeout}; null when the stream ended. */
    Event nextEvent(Duration timeout) throws InterruptedException {
        for (;;) {
            Item item = next(timeout);
            if (item instanceof Dispatched dispatched) {
                return dispatched.event();
            }
            if (item instanceof End) {
                return null;
            }
        }
    }

    private Item next(Duration timeout) throws InterruptedException {
        Item item = items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new AssertionError("no line within " + timeout + "; received so far: " + rawText());
        }
        return item;
    }

    /** Waits until the server ends the stream. */
    void awaitEnd() throws InterruptedException {
        while (nextLine(WAIT) != null) {
            // skip
        }
    }

    String rawText() {
        synchronized (raw) {
            return raw.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
