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
package org.ssekit.conformance.peers.helidon;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.ssekit.conformance.internal.Json;

/**
 * Helidon 4 SE's {@code SseSink}: routes on a {@code WebServer}, each stream a sink from
 * {@code res.sink(SseSink.TYPE)} fed with {@code SseEvent.builder()}, as the Helidon SE guide ("SSE")
 * shows. Helidon serves each request on its own virtual thread, so the stream's handler keeps its
 * thread until the sink is closed. Declares only {@code channels}: no heartbeat, replay, CORS or
 * terminate of its own. Needs Java 21+: the test starts it in its own JVM and reads {@code port=N}
 * from its standard output; it stops when its standard input closes.
 */
public final class HelidonSsePeer {
    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();

    /** One open stream. */
    private record Subscription(SseSink sink, List<String> channels, CountDownLatch closed) {
        void end() {
            if (closed.getCount() > 0) {
                closed.countDown();
                sink.close();
            }
        }
    }

    private HelidonSsePeer() {
    }

    /** Starts the server on a free loopback port, prints {@code port=N}, stops at the end of standard input. */
    public static void main(String[] args) throws IOException {
        HelidonSsePeer peer = new HelidonSsePeer();
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing
                        .get("/fx/capabilities", (req, res) -> json(res, Status.OK_200,
                                Map.of("profiles", List.of("channels"))))
                        .get("/fx/stats", peer::stats)
                        .get("/fx/events", peer::events)
                        .post("/fx/publish", peer::publish)
                        .post("/fx/disconnect", peer::disconnect))
                .build()
                .start();
        System.out.println("port=" + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the test holds standard input open while it needs the peer
        }
        server.stop();
    }

    private void stats(ServerRequest req, ServerResponse res) {
        String channel = req.query().first("channel").orElse(null);
        long count = open.stream().filter(s -> channel == null || s.channels().contains(channel)).count();
        json(res, Status.OK_200, Map.of("connections", count));
    }

    private void events(ServerRequest req, ServerResponse res) throws InterruptedException {
        SseSink sink = res.sink(SseSink.TYPE);
        Subscription subscription = new Subscription(sink, req.query().all("channel"), new CountDownLatch(1));
        open.add(subscription);
        try {
            subscription.closed().await();
        } finally {
            open.remove(subscription);
        }
    }

    private void publish(ServerRequest req, ServerResponse res) {
        String channel = req.query().first("channel").orElse("");
        SseEvent event;
        String id;
        try {
            Map<String, Object> fields = Json.parseObject(req.content().as(String.class));
            id = (String) fields.get("id");
            event = event(fields);
        } catch (RuntimeException e) {
            json(res, Status.BAD_REQUEST_400, Map.of("error", String.valueOf(e.getMessage())));
            return;
        }
        for (Subscription subscription : open) {
            if (subscription.channels().contains(channel)) {
                try {
                    synchronized (subscription) {
                        subscription.sink().emit(event);
                    }
                } catch (UncheckedIOException | IllegalStateException e) {
                    subscription.end();
                }
            }
        }
        json(res, Status.OK_200, Map.of("id", id == null ? "" : id));
    }

    private void disconnect(ServerRequest req, ServerResponse res) {
        String channel = req.query().first("channel").orElse("");
        int closed = 0;
        for (Subscription subscription : open) {
            if (subscription.channels().contains(channel)) {
                synchronized (subscription) {
                    subscription.end();
                }
                closed++;
            }
        }
        json(res, Status.OK_200, Map.of("closed", closed));
    }

    private static SseEvent event(Map<String, Object> fields) {
        SseEvent.Builder builder = SseEvent.builder().data(fields.get("data") == null ? "" : (String) fields.get("data"));
        if (fields.get("event") != null) {
            builder.name((String) fields.get("event"));
        }
        if (fields.get("id") != null) {
            builder.id((String) fields.get("id"));
        }
        if (fields.get("retry") != null) {
            builder.reconnectDelay(Duration.ofMillis(((BigDecimal) fields.get("retry")).longValueExact()));
        }
        return builder.build();
    }

    private static void json(ServerResponse res, Status status, Map<String, ?> body) {
        res.status(status);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(Json.write(body));
    }
}
