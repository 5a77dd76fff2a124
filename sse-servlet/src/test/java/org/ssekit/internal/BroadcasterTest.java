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
package org.ssekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ssekit.Broadcaster;
import org.ssekit.PublishResult;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;

/** Fan-out, user targeting and resume, over streams whose transport the test drives. */
class BroadcasterTest {
    private static final Pattern ID = Pattern.compile("^id: (.*)$", Pattern.MULTILINE);

    private final Broadcaster broadcaster = Broadcaster.create();

    private static final class Client {
        final ScriptedTransport transport = new ScriptedTransport();
        final OutboundStream stream;

        Client(String lastEventId) {
            this(lastEventId, SseConfig.defaults());
        }

        Client(String lastEventId, SseConfig config) {
            stream = new OutboundStream(transport, config, lastEventId, new Counters(), ScriptedTransport.INLINE);
            transport.attach(stream);
            stream.begin();
            transport.becomeReady();
        }

        List<String> ids() {
            Matcher m = ID.matcher(transport.text());
            return m.results().map(r -> r.group(1)).toList();
        }
    }

    @Test
    void publishReachesEverySubscriberOfTheChannelOnly() {
        Client a = new Client(null);
        Client b = new Client(null);
        Client other = new Client(null);
        broadcaster.subscribe(a.stream, List.of("news"));
        broadcaster.subscribe(b.stream, List.of("news", "sport"));
        broadcaster.subscribe(other.stream, List.of("sport"));
        PublishResult r = broadcaster.publish("news", SseEvent.of("headline", "hi")).toCompletableFuture().join();
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(a.transport.text()).isEqualTo("id: " + r.id() + "\nevent: headline\ndata: hi\n\n");
        assertThat(b.transport.text()).isEqualTo(a.transport.text());
        assertThat(other.transport.text()).isEmpty();
        assertThat(broadcaster.subscribers("news")).isEqualTo(2);
        assertThat(broadcaster.subscribers()).isEqualTo(3);
    }

    @Test
    void closedStreamsAreRemoved() {
        Client a = new Client(null);
        broadcaster.subscribe(a.stream, List.of("news"));
        a.stream.close();
        assertThat(broadcaster.subscribers("news")).isZero();
        assertThat(broadcaster.publish("news", SseEvent.of("x")).toCompletableFuture().join().accepted()).isZero();
    }

    @Test
    void publishToUserReachesOnlyThatUsersStreams() {
        Client alice = new Client(null);
        Client bob = new Client(null);
        broadcaster.subscribe(alice.stream, List.of("news"), "alice");
        broadcaster.subscribe(bob.stream, List.of("news"), "bob");
        assertThat(broadcaster.publishToUser("alice", SseEvent.of("for alice")).toCompletableFuture().join().accepted()).isEqualTo(1);
        assertThat(alice.transport.text()).contains("data: for alice");
        assertThat(bob.transport.text()).doesNotContain("for alice");
    }

    @Test
    void res02ResumeSendsExactlyTheMissedEventsOfTheStreamsChannels() {
        String seen = broadcaster.publish("a", SseEvent.of("a1")).toCompletableFuture().join().id();
        String missedA = broadcaster.publish("a", SseEvent.of("a2")).toCompletableFuture().join().id();
        broadcaster.publish("x", SseEvent.of("x1"));
        String missedB = broadcaster.publish("b", SseEvent.of("b1")).toCompletableFuture().join().id();
        Client back = new Client(seen);
        broadcaster.subscribe(back.stream, List.of("a", "b"));
        String live = broadcaster.publish("b", SseEvent.of("b2")).toCompletableFuture().join().id();
        assertThat(back.ids()).containsExactly(missedA, missedB, live);
    }

    @Test
    void res03UnknownIdGetsTheResetEventCarryingTheNewestId() {
        String newest = broadcaster.publish("a", SseEvent.of("a1")).toCompletableFuture().join().id();
        Client back = new Client("no-such-id\u0000' OR 1=1");
        broadcaster.subscribe(back.stream, List.of("a"));
        assertThat(back.transport.text()).isEqualTo("id: " + newest
                + "\nevent: reset\ndata: {\"reason\":\"unknown-or-expired-last-event-id\"}\n\n");
        assertThat(back.transport.text()).doesNotContain("OR 1=1");
        assertThat(broadcaster.metrics().getResets()).isEqualTo(1);
    }

    @Test
    void res03ABacklogLargerThanTheQueueGetsTheResetEventInsteadOfACutOff() {
        String from = broadcaster.publish("a", SseEvent.of("seen")).toCompletableFuture().join().id();
        for (int i = 0; i < 5; i++) {
            broadcaster.publish("a", SseEvent.of("missed " + i));
        }
        String newest = broadcaster.publish("a", SseEvent.of("newest")).toCompletableFuture().join().id();
        Client back = new Client(from, SseConfig.builder().maxQueuedEvents(4).build());
        broadcaster.subscribe(back.stream, List.of("a"));
        assertThat(back.stream.isOpen()).isTrue();
        assertThat(back.transport.text()).isEqualTo("id: " + newest
                + "\nevent: reset\ndata: {\"reason\":\"too-many-missed-events\"}\n\n");
        Client near = new Client(newest, SseConfig.builder().maxQueuedEvents(4).build());
        broadcaster.subscribe(near.stream, List.of("a"));
        assertThat(near.transport.text()).isEmpty();
        assertThat(broadcaster.metrics().getReplays()).isEqualTo(1);
    }

    @Test
    void reservedAndEmptyChannelsAreRefused() {
        Client c = new Client(null);
        assertThatThrownBy(() -> broadcaster.subscribe(c.stream, List.of("@user:x"))).hasMessageContaining("channel");
        assertThatThrownBy(() -> broadcaster.subscribe(c.stream, List.of())).hasMessageContaining("channel");
        assertThatThrownBy(() -> broadcaster.publish("", SseEvent.of("x"))).hasMessageContaining("channel");
    }

    @Test
    void cls02CloseEndsStreamsAfterQueuedEventsAndRefusesLaterPublishes() {
        Client a = new Client(null);
        broadcaster.subscribe(a.stream, List.of("news"));
        a.transport.stallAfterEachOperation(true);
        broadcaster.publish("news", SseEvent.of("last"));
        broadcaster.close();
        assertThat(a.stream.isOpen()).isFalse();
        a.transport.stallAfterEachOperation(false);
        a.transport.becomeReady();
        assertThat(a.transport.text()).contains("data: last\n\n");
        assertThat(a.transport.closes()).isEqualTo(1);
        assertThatThrownBy(() -> broadcaster.publish("news", SseEvent.of("late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
