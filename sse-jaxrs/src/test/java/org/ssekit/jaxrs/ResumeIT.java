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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ssekit.PublishResult;
import org.ssekit.SseConfig;

/** Last-Event-ID resume through the JAX-RS binding: no gap, no duplicate, also under concurrent publishing. */
class ResumeIT {
    /** The publisher's own thread: the common pool has one thread on 2 cores, which anything else can hold. */
    private static final java.util.concurrent.Executor PUBLISHER = r -> new Thread(r, "test-publisher").start();

    private static final int EVENTS = 5000;
    /**
     * The publisher runs at most this far ahead of what the client has read, so it is still
     * publishing at every reconnect, and a replay fits in the connection's queue.
     */
    private static final int LEAD = 400;
    @RegisterExtension
    static final TestAppServer server = new TestAppServer(SseConfig.builder().heartbeat(Duration.ZERO).build());

    @Test
    void everyEventArrivesExactlyOnceInOrderAcrossReconnectsWhilePublishing() throws Exception {
        List<String> received = new ArrayList<>();
        String lastId = null;
        int connections = 0;
        CompletableFuture<Void> publisher = null;
        Semaphore permits = new Semaphore(LEAD);
        int reconnectsWhilePublishing = 0;
        while (received.size() < EVENTS) {
            connections++;
            if (publisher != null && !publisher.isDone()) {
                reconnectsWhilePublishing++;
            }
            String[] headers = lastId == null ? new String[0] : new String[] {"Last-Event-ID", lastId};
            try (EventClient client = EventClient.get(server.jetty().uri("/events?channel=a&channel=b"), headers)) {
                if (publisher == null) {
                    // The first byte comes after the subscription: from now on nothing is missed.
                    assertThat(client.nextLine(EventClient.WAIT)).isEqualTo(":");
                    publisher = CompletableFuture.runAsync(() -> publishAll(permits), PUBLISHER);
                }
                int take = ThreadLocalRandom.current().nextInt(150, 600);
                for (int n = 0; n < take && received.size() < EVENTS; n++) {
                    EventClient.Event event = client.nextEvent();
                    assertThat(event).as("event %d on connection %d", received.size(), connections).isNotNull();
                    received.add(event.data());
                    lastId = event.lastEventId();
                    permits.release();
                }
            }
        }
        publisher.get(30, TimeUnit.SECONDS);
        assertThat(connections).isGreaterThanOrEqualTo(6);
        assertThat(reconnectsWhilePublishing).isGreaterThanOrEqualTo(5);
        assertThat(received).containsExactlyElementsOf(IntStream.range(0, EVENTS).mapToObj(Integer::toString).toList());
    }

    private static void publishAll(Semaphore permits) {
        for (int i = 0; i < EVENTS; i++) {
            permits.acquireUninterruptibly();
            server.app().sse.publish(i % 2 == 0 ? "a" : "b", TextEvent.of(Integer.toString(i)));
        }
    }

    @Test
    void aBroadcasterSinkGetsWhatItMissedThenLiveEvents() throws Exception {
        ChannelBroadcaster weather = server.app().sse.newBroadcaster("weather");
        PublishResult first = weather.broadcast(TextEvent.of("sun")).toCompletableFuture().getNow(null);
        weather.broadcast(TextEvent.of("rain"));
        weather.broadcast(TextEvent.of("snow"));
        try (EventClient client = EventClient.get(server.jetty().uri("/events?channel=weather"), "Last-Event-ID", first.id())) {
            assertThat(client.nextEvent().data()).isEqualTo("rain");
            assertThat(client.nextEvent().data()).isEqualTo("snow");
            PublishResult live = weather.broadcast(TextEvent.of("fog")).toCompletableFuture().getNow(null);
            assertThat(live.accepted()).isEqualTo(1);
            assertThat(client.nextEvent()).isEqualTo(new EventClient.Event("message", "fog", live.id(), null));
        }
    }

    @Test
    void theQueryParameterStandsInForTheHeaderAndTheHeaderWins() throws Exception {
        PublishResult one = server.app().news.broadcast(TextEvent.of("one")).toCompletableFuture().getNow(null);
        PublishResult two = server.app().news.broadcast(TextEvent.of("two")).toCompletableFuture().getNow(null);
        server.app().news.broadcast(TextEvent.of("three"));
        try (EventClient client = EventClient.get(server.jetty().uri("/news?lastEventId=" + one.id()))) {
            assertThat(client.nextEvent().data()).isEqualTo("two");
        }
        try (EventClient client = EventClient.get(server.jetty().uri("/news?lastEventId=" + one.id()), "Last-Event-ID", two.id())) {
            assertThat(client.nextEvent().data()).isEqualTo("three");
        }
    }

    @Test
    void anUnknownIdGetsTheResetEventBeforeLiveOnes() throws Exception {
        try (EventClient client = EventClient.get(server.jetty().uri("/news"), "Last-Event-ID", "no-such-id")) {
            EventClient.Event reset = client.nextEvent();
            assertThat(reset.type()).isEqualTo("reset");
            assertThat(reset.data()).contains("unknown-or-expired-last-event-id");
            server.app().news.broadcast(TextEvent.of("after reset"));
            assertThat(client.nextEvent().data()).isEqualTo("after reset");
        }
    }

    @Test
    void broadcastReportsTheLiveSubscribersThatTookTheEvent() throws Exception {
        ChannelBroadcaster alerts = server.app().sse.newBroadcaster("alerts");
        try (EventClient one = EventClient.get(server.jetty().uri("/events?channel=alerts"));
                EventClient two = EventClient.get(server.jetty().uri("/events?channel=alerts&channel=other"))) {
            one.nextLine(EventClient.WAIT);
            two.nextLine(EventClient.WAIT);
            CompletableFuture<PublishResult> sent = alerts.broadcast(TextEvent.of("fire")).toCompletableFuture();
            assertThat(sent).isCompleted();
            assertThat(sent.get().accepted()).isEqualTo(2);
            assertThat(one.nextEvent().data()).isEqualTo("fire");
            assertThat(two.nextEvent().data()).isEqualTo("fire");
        }
    }
}
