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

import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ssekit.Broadcaster;
import org.ssekit.EventStream;
import org.ssekit.SseEvent;
import org.ssekit.StreamClosedException;

/** CLS-03, CLS-04, LOAD-02: clients that leave or stop reading. */
class DisconnectIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final QueueServlet servlet = new QueueServlet();
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static CountDownLatch closed(EventStream stream) {
        CountDownLatch latch = new CountDownLatch(1);
        stream.onClose(latch::countDown);
        return latch;
    }

    @Test
    void cls03AClientThatGoesAwayIsCleanedUpByTheHeartbeat() throws Exception {
        server = new TestServer().servlet("/events", servlet, Map.of("heartbeatMillis", "200")).start();
        RawClient c = RawClient.get(server.port(), "/events");
        EventStream stream = servlet.next(WAIT);
        CountDownLatch gone = closed(stream);
        assertThat(servlet.open().openStreams()).isEqualTo(1);
        c.close();
        assertThat(gone.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("closed within " + WAIT).isTrue();
        assertThat(servlet.open().openStreams()).isZero();
        assertThat(stream.isOpen()).isFalse();
    }

    @Test
    void sendFailsOnceTheClientIsGone() throws Exception {
        server = new TestServer().servlet("/events", servlet, Map.of("heartbeatMillis", "0")).start();
        RawClient c = RawClient.get(server.port(), "/events");
        EventStream stream = servlet.next(WAIT);
        c.close();
        Throwable failure = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (failure == null && System.nanoTime() < deadline) {
            CompletionStage<Void> sent = stream.send(SseEvent.of("x".repeat(1000)));
            try {
                sent.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
        }
        assertThat(failure).isInstanceOf(StreamClosedException.class);
        assertThat(stream.isOpen()).isFalse();
        assertThat(stream.send(SseEvent.of("after")).toCompletableFuture())
                .failsWithin(Duration.ofSeconds(1)).withThrowableThat().withCauseInstanceOf(StreamClosedException.class);
    }

    @Test
    void cls04Load02AStalledClientIsDisconnectedWhileAFastOneStaysOnTime() throws Exception {
        server = new TestServer().servlet("/events", servlet,
                Map.of("heartbeatMillis", "0", "maxQueuedEvents", "32", "maxQueuedBytes", "524288")).start();
        Broadcaster broadcaster = Broadcaster.builder().metrics(servlet.open().metrics()).build();
        try (Socket stalled = RawClient.stalled(server.port(), "/events", 4096)) {
            EventStream slowStream = servlet.next(WAIT); // before the fast one connects: streams open in any order
            try (RawClient fast = RawClient.get(server.port(), "/events")) {
                assertFastStaysOnTime(broadcaster, slowStream, servlet.next(WAIT), fast);
            }
        }
    }

    private void assertFastStaysOnTime(Broadcaster broadcaster, EventStream slowStream, EventStream fastStream,
            RawClient fast) throws Exception {
        CountDownLatch slowGone = closed(slowStream);
        broadcaster.subscribe(slowStream, List.of("c"));
        broadcaster.subscribe(fastStream, List.of("c"));
        String payload = "p".repeat(16 * 1024);
        int events = 600;
        long worstLagNanos = 0;
        for (int i = 0; i < events; i++) {
            broadcaster.publish("c", SseEvent.of(i + ":" + payload));
            long published = System.nanoTime();
            fast.readUntil("data: " + i + ":", WAIT);
            worstLagNanos = Math.max(worstLagNanos, System.nanoTime() - published);
        }
        assertThat(slowGone.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("slow consumer disconnected").isTrue();
        assertThat(servlet.open().metrics().getSlowConsumersDisconnected()).isEqualTo(1);
        assertThat(fastStream.isOpen()).isTrue();
        assertThat(fast.eventsUntil("data: " + (events - 1) + ":" + payload + "\n\n", WAIT))
                .hasSize(events);
        assertThat(Duration.ofNanos(worstLagNanos)).as("worst publish-to-receive lag of the fast client")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(broadcaster.subscribers("c")).isEqualTo(1);
    }
}
