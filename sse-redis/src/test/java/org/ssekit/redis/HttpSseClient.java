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
package org.ssekit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;

/**
 * An EventSource over java.net.http: reads a stream from one node and, when it ends or fails,
 * reconnects with its Last-Event-ID to the node {@code next} picks.
 */
final class HttpSseClient implements AutoCloseable {
    record Event(String id, String event, String data) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<URI> nodes;
    private final String query;
    private final IntUnaryOperator next;
    private final List<Event> events = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean connected;
    private volatile int node;
    private volatile int reconnects;
    private String lastEventId;

    HttpSseClient(List<URI> nodes, int first, String query, IntUnaryOperator next) {
        this.nodes = nodes;
        this.node = first;
        this.query = query;
        this.next = next;
        this.thread = new Thread(this::run, "sse-client");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!stopped) {
            try {
                HttpRequest.Builder req = HttpRequest.newBuilder(nodes.get(node).resolve("/events?" + query))
                        .header("Accept", "text/event-stream");
                String last;
                synchronized (this) {
                    last = lastEventId;
                }
                if (last != null) {
                    req.header("Last-Event-ID", last);
                }
                HttpResponse<Stream<String>> res = http.send(req.build(), HttpResponse.BodyHandlers.ofLines());
                if (res.statusCode() == 200) {
                    connected = true;
                    read(res.body().iterator());
                }
            } catch (IOException | UncheckedIOException e) {
                // the node went away: reconnect elsewhere
            } catch (InterruptedException e) {
                return;
            }
            connected = false;
            if (stopped) {
                return;
            }
            reconnects++;
            node = next.applyAsInt(node);
            try {
                Thread.sleep(100); // the retry delay
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(Iterator<String> lines) {
        String id = null;
        String event = null;
        StringBuilder data = null;
        while (!stopped && lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (data != null) {
                    synchronized (this) {
                        events.add(new Event(id, event, data.toString()));
                        if (id != null) {
                            lastEventId = id;
                        }
                    }
                }
                id = null;
                event = null;
                data = null;
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data:")) {
                String d = line.startsWith("data: ") ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
            }
        }
    }

    boolean connected() {
        return connected;
    }

    int node() {
        return node;
    }

    int reconnects() {
        return reconnects;
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized int size() {
        return events.size();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
