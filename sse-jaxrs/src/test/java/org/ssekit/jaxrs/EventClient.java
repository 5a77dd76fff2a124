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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client for one event stream over java.net.http: keeps the raw body bytes and hands
 * out its lines (split on LF, as the server writes them) and events as they arrive.
 */
final class EventClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final String END = "\u0000end";
    static final Duration WAIT = Duration.ofSeconds(10);

    /** One dispatched event: its fields, data lines joined with LF. */
    record Event(String id, String name, String data, String retry) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final Thread reader;

    private EventClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::readLines, "event-client");
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

    private void readLines() {
        byte[] buf = new byte[8192];
        try (InputStream in = response.body()) {
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (raw) {
                    raw.write(buf, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines.add(pending.toString(StandardCharsets.UTF_8));
                        pending.reset();
                    } else {
                        pending.write(buf[i]);
                    }
                }
            }
        } catch (IOException e) {
            // The stream ended (closed by the test or by the server).
        } finally {
            lines.add(END);
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
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no line within " + timeout + "; received so far: " + rawText());
        }
        return line == END ? null : line;
    }

    /** The next dispatched event (comments skipped), or null when the stream ended first. */
    Event nextEvent() throws InterruptedException {
        return nextEvent(WAIT);
    }

    Event nextEvent(Duration timeout) throws InterruptedException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (;;) {
            String line = nextLine(timeout);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (fields.containsKey("data")) {
                    return new Event(first(fields, "id"), first(fields, "event"),
                            String.join("\n", fields.get("data")), first(fields, "retry"));
                }
                fields.clear();
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.get(values.size() - 1);
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
