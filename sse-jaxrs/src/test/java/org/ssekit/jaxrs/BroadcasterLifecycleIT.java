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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ssekit.SseConfig;

/** The broadcaster's listeners and close as the JAX-RS Javadoc describes them. */
class BroadcasterLifecycleIT {
    @RegisterExtension
    static final TestAppServer server = new TestAppServer(SseConfig.builder().heartbeat(Duration.ZERO).build());

    @Test
    void aDepartedClientIsReportedToOnErrorAndOnCloseAndRemoved() throws Exception {
        ChannelBroadcaster channel = server.app().sse.newBroadcaster("departures");
        List<SseEventSink> closed = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        channel.onClose(closed::add);
        channel.onError((sink, error) -> errors.add(error));
        try (EventClient client = EventClient.get(server.jetty().uri("/held"))) {
            SseEventSink sink = server.app().held.poll(10, TimeUnit.SECONDS);
            channel.register(sink);
            channel.register(sink);
            assertThat(channel.size()).isEqualTo(1);
            assertThat(client.nextLine(EventClient.WAIT)).isEqualTo(":");
        }
        String big = "x".repeat(32 * 1024);
        // The server learns of the departure at the first write that fails.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            channel.broadcast(TextEvent.of(big));
            return !closed.isEmpty();
        });
        assertThat(closed).hasSize(1);
        assertThat(errors).hasSize(1);
        assertThat(channel.size()).isZero();
        assertThat(server.app().sse.broadcaster().subscribers("departures")).isZero();
    }

    @Test
    void closeEndsEverySinksResponseAfterItsQueuedEventsAndRefusesLaterUse() throws Exception {
        ChannelBroadcaster channel = server.app().sse.newBroadcaster("closing");
        CountDownLatch closedSinks = new CountDownLatch(2);
        channel.onClose(sink -> closedSinks.countDown());
        try (EventClient one = EventClient.get(server.jetty().uri("/events?channel=closing"));
                EventClient two = EventClient.get(server.jetty().uri("/held"))) {
            one.nextLine(EventClient.WAIT);
            channel.register(server.app().held.poll(10, TimeUnit.SECONDS));
            assertThat(channel.size()).isEqualTo(1);
            channel.broadcast(TextEvent.of("bye"));
            channel.close();
            channel.close();
            assertThat(two.nextEvent().data()).isEqualTo("bye");
            two.awaitEnd();
            await().atMost(Duration.ofSeconds(10)).until(() -> closedSinks.getCount() == 1);
            assertThat(one.nextEvent().data()).as("another subscriber of the channel is not this broadcaster's").isEqualTo("bye");
            assertThatThrownBy(() -> channel.broadcast(TextEvent.of("late"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> channel.register(new ForeignSink())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aResourceMethodThatFailsAfterTakingTheSinkLeavesNoStreamBehind() throws Exception {
        int streams = server.app().sse.openStreams();
        int subscribers = server.app().news.size();
        try (EventClient client = EventClient.get(server.jetty().uri("/broken"))) {
            client.awaitEnd();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.app().sse.openStreams() == streams);
        assertThat(server.app().news.size()).isEqualTo(subscribers);
    }

    @Test
    void aSinkTheRuntimeMadeWithoutSsekitIsRefusedWithAClearError() {
        ChannelBroadcaster channel = server.app().sse.newBroadcaster("foreign");
        assertThatThrownBy(() -> channel.register(new ForeignSink()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SseKitFeature");
    }

    /** A sink some other runtime made. */
    private static final class ForeignSink implements SseEventSink {
        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            // nothing to close
        }
    }
}
