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
package org.ssekit.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.ssekit.conformance.client.EventStreamParser;
import org.ssekit.conformance.client.MessageEvent;

/**
 * A test client for one event stream: the suite's reference parser ({@link EventStreamParser},
 * the WHATWG rules) reads it on a reader thread into a queue; {@link #next} waits for the next
 * event with a timeout. An event's id is the last event ID at its dispatch, as EventSource has it.
 */
final class EventReader implements AutoCloseable {
    /** One dispatched event; comments are not reported. */
    record Event(String id, String event, String data) {
    }

    private static final Event END = new Event(null, null, null);
    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile IOException failure;

    private EventReader(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "event-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static EventReader open(HttpClient client, URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return new EventReader(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** Like {@link #open}, without waiting for the response head (a proxy may hold it back). */
    static java.util.concurrent.CompletableFuture<EventReader> openAsync(HttpClient client, URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).thenApply(EventReader::new);
    }

    static EventReader post(HttpClient client, URI uri, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return new EventReader(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /**
     * Whether the body ended as an HTTP message ends (EOF after the last chunk), not cut by a
     * reset or a close in the middle; meaningful once {@link #rest} returned.
     */
    boolean endedCleanly() {
        return failure == null;
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event, waiting at most {@code timeout}; fails when none comes or the stream ended. */
    Event next(Duration timeout) throws InterruptedException {
        Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no event within " + timeout);
        }
        if (e == END) {
            events.add(END);
            throw new AssertionError("the stream ended");
        }
        return e;
    }

    /**
     * The next event, or empty once the stream has ended (closed by either side, or cut),
     * waiting at most {@code timeout}; fails when neither comes. Events that arrived before
     * the end are all returned first.
     */
    java.util.Optional<Event> nextOrEnd(Duration timeout) throws InterruptedException {
        Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("neither an event nor the end within " + timeout);
        }
        if (e == END) {
            events.add(END);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(e);
    }

    /** Events until the stream ends (at most {@code timeout} in all). */
    List<Event> rest(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> all = new ArrayList<>();
        while (true) {
            Event e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("the stream did not end within " + timeout + "; got " + all);
            }
            if (e == END) {
                return all;
            }
            all.add(e);
        }
    }

    /** The body, inflated when the server (or a proxy) gzipped it. */
    private InputStream body() throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
        if (!gzip) {
            return response.body();
        }
        // InflaterInputStream.available() is 1 until the end, which makes a reader wait for a
        // full buffer; 0 lets each inflated event through at once.
        return new java.io.FilterInputStream(new GZIPInputStream(response.body(), 512)) {
            @Override
            public int available() {
                return 0;
            }
        };
    }

    private void read() {
        EventStreamParser parser = new EventStreamParser(new EventStreamParser.Listener() {
            @Override
            public void onEvent(MessageEvent e) {
                events.add(new Event(e.lastEventId().isEmpty() ? null : e.lastEventId(), e.type(), e.data()));
            }
        });
        try (InputStream in = body()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                parser.feed(buffer, 0, n);
            }
            parser.end();
        } catch (IOException closed) {
            // The stream was cut (reset, or a chunked body that never ended), or closed by the test.
            failure = closed;
        } catch (UncheckedIOException closed) {
            failure = closed.getCause();
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
