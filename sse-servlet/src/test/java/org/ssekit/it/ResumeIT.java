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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ssekit.Broadcaster;
import org.ssekit.SseEvent;
import org.ssekit.conformance.client.MessageEvent;

/** RES-01..RES-05, BAD-01, BAD-02 through the SseFilter. */
class ResumeIT {
    /** The publisher's own thread: the common pool has one thread on 2 cores, which anything else can hold. */
    private static final java.util.concurrent.Executor PUBLISHER = r -> new Thread(r, "test-publisher").start();

    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static String lastId(List<MessageEvent> events) {
        return events.get(events.size() - 1).lastEventId();
    }

    private static String header(String lastEventId) {
        return "Last-Event-ID: " + lastEventId;
    }

    @Test
    void res02EveryEventExactlyOnceInOrderAcrossReconnectsWhilePublishing() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0");
        Broadcaster broadcaster = FilterServer.broadcaster(server);
        int total = 3000;
        List<String> seen = new ArrayList<>();
        String lastEventId = null;
        CompletableFuture<Void> publisher = null;
        for (int round = 0; round < 6 && seen.size() < total; round++) {
            int want = round == 5 ? total : Math.min(total, seen.size() + 300 + round * 97);
            try (RawClient c = lastEventId == null ? RawClient.get(server.port(), "/events?channel=c")
                    : RawClient.get(server.port(), "/events?channel=c", header(lastEventId))) {
                if (publisher == null) {
                    c.readUntil(":\n", WAIT);
                    publisher = CompletableFuture.runAsync(() -> publish(broadcaster, total), PUBLISHER);
                }
                c.readUntil("data: " + (want - 1) + "\n\n", WAIT);
                List<MessageEvent> events = c.events();
                events.forEach(e -> seen.add(e.data()));
                lastEventId = lastId(events);
            }
        }
        publisher.join();
        assertThat(seen).containsExactlyElementsOf(IntStream.range(0, total).mapToObj(Integer::toString).toList());
        assertThat(broadcaster.metrics().getReplays()).isEqualTo(5);
    }

    private static void publish(Broadcaster broadcaster, int total) {
        for (int i = 0; i < total; i++) {
            broadcaster.publish("c", SseEvent.of(Integer.toString(i)));
            if (i % 10 == 0) {
                LockSupport.parkNanos(1_000_000); // spread publishing over the reconnects
            }
        }
    }

    @Test
    void res02AMultiChannelStreamResumesBothChannelsInIdOrder() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0");
        Broadcaster broadcaster = FilterServer.broadcaster(server);
        String from;
        try (RawClient c = RawClient.get(server.port(), "/events?channel=a&channel=b")) {
            broadcaster.publish("a", SseEvent.of("a1"));
            from = broadcaster.publish("b", SseEvent.of("b1")).toCompletableFuture().join().id();
            c.readUntil("data: b1\n\n", WAIT);
        }
        broadcaster.publish("a", SseEvent.of("a2"));
        broadcaster.publish("x", SseEvent.of("x1"));
        broadcaster.publish("b", SseEvent.of("b2"));
        try (RawClient c = RawClient.get(server.port(), "/events?channel=a&channel=b", header(from))) {
            c.readUntil("data: b2\n\n", WAIT);
            broadcaster.publish("a", SseEvent.of("a3"));
            List<String> data = c.eventsUntil("data: a3\n\n", WAIT).stream()
                    .map(MessageEvent::data).toList();
            assertThat(data).containsExactly("a2", "b2", "a3");
        }
    }

    @Test
    void res03AnUnknownIdGetsTheResetEventBeforeLiveEvents() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0", "resetEvent", "resync");
        Broadcaster broadcaster = FilterServer.broadcaster(server);
        String newest = broadcaster.publish("c", SseEvent.of("old")).toCompletableFuture().join().id();
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c", header("zz-404"))) {
            c.readUntil("event: resync", WAIT);
            broadcaster.publish("c", SseEvent.of("live"));
            List<MessageEvent> events = c.eventsUntil("data: live\n\n", WAIT);
            assertThat(events).extracting(MessageEvent::type).containsExactly("resync", "message");
            assertThat(events.get(0).lastEventId()).isEqualTo(newest);
        }
    }

    @Test
    void res03AnExpiredIdGetsTheResetEvent() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0", "eventLogMaxEvents", "5");
        Broadcaster broadcaster = FilterServer.broadcaster(server);
        String old = broadcaster.publish("c", SseEvent.of("0")).toCompletableFuture().join().id();
        for (int i = 1; i <= 10; i++) {
            broadcaster.publish("c", SseEvent.of(Integer.toString(i)));
        }
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c", header(old))) {
            assertThat(c.eventsUntil("}\n\n", WAIT))
                    .extracting(MessageEvent::type).containsExactly("reset");
        }
    }

    @Test
    void res04TheQueryParameterIsAFallbackAndTheHeaderWins() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0");
        Broadcaster broadcaster = FilterServer.broadcaster(server);
        String first = broadcaster.publish("c", SseEvent.of("1")).toCompletableFuture().join().id();
        String second = broadcaster.publish("c", SseEvent.of("2")).toCompletableFuture().join().id();
        broadcaster.publish("c", SseEvent.of("3"));
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c&lastEventId=" + first)) {
            assertThat(c.eventsUntil("data: 3\n\n", WAIT)).extracting(MessageEvent::data)
                    .containsExactly("2", "3");
        }
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c&lastEventId=" + first, header(second))) {
            assertThat(c.eventsUntil("data: 3\n\n", WAIT)).extracting(MessageEvent::data)
                    .containsExactly("3");
        }
    }

    @Test
    void res05AnEmptyLastEventIdIsAbsent() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0");
        Broadcaster broadcaster = FilterServer.broadcaster(server);
        broadcaster.publish("c", SseEvent.of("before"));
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c", "Last-Event-ID: ")) {
            c.readUntil(":\n", WAIT);
            broadcaster.publish("c", SseEvent.of("live"));
            assertThat(c.eventsUntil("data: live\n\n", WAIT)).extracting(MessageEvent::data)
                    .containsExactly("live");
        }
        assertThat(broadcaster.metrics().getResets()).isZero();
    }

    @Test
    void bad01HugeIdsAreRefusedOrResetNever5xx() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0");
        FilterServer.broadcaster(server).publish("c", SseEvent.of("x"));
        for (int size : new int[] {200, 8 * 1024, 64 * 1024}) {
            String huge = "9".repeat(size);
            try (RawClient c = RawClient.get(server.port(), "/events?channel=c", header(huge))) {
                assertThat(c.status()).as(size + " bytes").isIn(200, 431);
                if (c.status() == 200) {
                    assertThat(c.readUntil("event: reset", WAIT)).doesNotContain(huge);
                }
            }
        }
    }

    @Test
    void bad02HostileIdsAreOpaqueAndNeverReflected() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0");
        FilterServer.broadcaster(server).publish("c", SseEvent.of("x"));
        for (String hostile : new String[] {"1' OR '1'='1", "<script>alert(1)</script>", "\u00ff\u00fe%0d%0aevent: x"}) {
            try (RawClient c = RawClient.get(server.port(), "/events?channel=c", header(hostile))) {
                assertThat(c.status()).isEqualTo(200);
                String body = c.readUntil("}\n\n", WAIT);
                assertThat(body).doesNotContain(hostile).doesNotContain("script").doesNotContain("event: x");
            }
        }
    }

    @Test
    void channelsAreRequired() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0");
        try (RawClient c = RawClient.get(server.port(), "/events")) {
            assertThat(c.status()).isEqualTo(400);
            assertThat(c.readFor(Duration.ofMillis(200))).contains("channel");
        }
        try (RawClient c = RawClient.get(server.port(), "/events?channel=%40user:bob")) {
            assertThat(c.status()).isEqualTo(400);
        }
    }
}
