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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssekit.EventLog;
import org.ssekit.PublishResult;
import org.ssekit.SseEvent;

/** The EventLog contract on a real Redis: ids, the feed's order across nodes, replay windows, trimming, epochs. */
class RedisEventLogIT {
    private static final AtomicInteger STREAMS = new AtomicInteger();
    private static RedisServer redis;
    private final RedisLogFixture nodes = new RedisLogFixture();

    @BeforeAll
    static void startRedis() throws Exception {
        // Small stream nodes, so approximate trimming (MAXLEN ~, MINID ~) cuts close to its bound.
        redis = RedisServer.start("--stream-node-max-entries", "4");
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    private static String stream() {
        return "s" + STREAMS.incrementAndGet();
    }

    @Test
    void idsAreEpochDotEntryIdShortCorsSafeAndIncreasing() throws Exception {
        RedisLogFixture.Node a = nodes.open(redis.uri(), stream());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(a.publish("ch", "e" + i).id());
        }
        String epoch = a.log().epoch().orElseThrow();
        for (String id : ids) {
            assertThat(id).matches("[0-9A-Za-z._-]+").startsWith(epoch + ".");
            assertThat(id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(128);
        }
        for (int i = 1; i < ids.size(); i++) {
            assertThat(a.log().compare(ids.get(i - 1), ids.get(i))).as(ids.get(i - 1) + " < " + ids.get(i)).isNegative();
            assertThat(a.log().compare(ids.get(i), ids.get(i - 1))).isPositive();
            assertThat(a.log().compare(ids.get(i), ids.get(i))).isZero();
        }
    }

    @Test
    void stageCompletesOnceTheFeedDeliveredWithItsAcceptedCount() throws Exception {
        RedisLogFixture.Node a = nodes.open(redis.uri(), stream());
        for (int i = 0; i < 20; i++) {
            PublishResult r = a.publish("ch", "e" + i);
            assertThat(r.accepted()).isEqualTo(1);
            assertThat(a.feed().ids()).contains(r.id());
        }
        assertThat(a.feed().data()).containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "e" + i).toList());
    }

    @Test
    void everyFieldOfTheEventRoundTrips() throws Exception {
        RedisLogFixture.Node a = nodes.open(redis.uri(), stream());
        SseEvent sent = SseEvent.builder().event("price").data("line 1\nline 2\r\n\u00e9\u4e16").comment("c1\nc2")
                .retry(Duration.ofMillis(1500)).build();
        PublishResult r = RedisLogFixture.join(a.log().append("ch", sent));
        SseEvent got = a.feed().deliveries().get(0).event();
        assertThat(got).isEqualTo(sent.withId(r.id()));
        assertThat(a.feed().deliveries().get(0).channel()).isEqualTo("ch");
        SseEvent empty = SseEvent.builder().data("").build();
        PublishResult r2 = RedisLogFixture.join(a.log().append("ch", empty));
        assertThat(a.feed().deliveries().get(1).event()).isEqualTo(empty.withId(r2.id()));
    }

    @Test
    void twoNodesOnOneStreamDeliverEveryEventOnceInOneOrder() throws Exception {
        String s = stream();
        RedisLogFixture.Node a = nodes.open(redis.uri(), s);
        RedisLogFixture.Node b = nodes.open(redis.uri(), s);
        List<CompletionStage<PublishResult>> stages = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread ta = new Thread(() -> IntStream.range(0, 300).forEach(i ->
                stages.add(a.log().append(i % 2 == 0 ? "x" : "y", SseEvent.of("a" + i)))));
        Thread tb = new Thread(() -> IntStream.range(0, 300).forEach(i ->
                stages.add(b.log().append("x", SseEvent.of("b" + i)))));
        ta.start();
        tb.start();
        ta.join();
        tb.join();
        List<String> published = stages.stream().map(st -> RedisLogFixture.join(st).id()).toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.feed().size() == 600 && b.feed().size() == 600);
        assertThat(a.feed().ids()).containsExactlyElementsOf(b.feed().ids()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(published);
        List<String> ids = a.feed().ids();
        for (int i = 1; i < ids.size(); i++) {
            assertThat(a.log().compare(ids.get(i - 1), ids.get(i))).isNegative();
        }
        // Each node's own publishes keep their order.
        assertThat(a.feed().data().stream().filter(d -> d.startsWith("b")).toList())
                .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> "b" + i).toList());
    }

    @Test
    void aFeedStartsAtTheTailAndGetsOnlyLaterEvents() throws Exception {
        String s = stream();
        RedisLogFixture.Node a = nodes.open(redis.uri(), s);
        assertThat(a.feed().position()).isNull();
        a.publish("ch", "old1");
        String last = a.publish("ch", "old2").id();
        RedisLogFixture.Node b = nodes.open(redis.uri(), s);
        assertThat(b.feed().position()).isEqualTo(last);
        String next = a.publish("ch", "new").id();
        await().atMost(Duration.ofSeconds(5)).until(() -> b.feed().size() == 1);
        assertThat(b.feed().ids()).containsExactly(next);
    }

    @Test
    void replayGivesTheMissedEventsOfItsChannelsAfterTheIdUpToUpTo() throws Exception {
        RedisLogFixture.Node a = nodes.open(redis.uri(), stream());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(a.publish(i % 2 == 0 ? "even" : "odd", "e" + i).id());
        }
        EventLog.Replay r = a.replay(Set.of("even"), ids.get(1), ids.get(7), 100);
        assertThat(r.isKnown()).isTrue();
        assertThat(r.events()).extracting(e -> e.data().orElseThrow()).containsExactly("e2", "e4", "e6");
        assertThat(r.events()).extracting(e -> e.id().orElseThrow()).containsExactly(ids.get(2), ids.get(4), ids.get(6));
        EventLog.Replay both = a.replay(Set.of("even", "odd"), ids.get(6), ids.get(9), 100);
        assertThat(both.events()).extracting(e -> e.data().orElseThrow()).containsExactly("e7", "e8", "e9");
        assertThat(a.replay(Set.of("even"), ids.get(9), ids.get(9), 100).events()).isEmpty();
        // The client came from a node that is ahead of this one: nothing to replay, but its id is known.
        EventLog.Replay ahead = a.replay(Set.of("even"), ids.get(8), ids.get(3), 100);
        assertThat(ahead.isKnown()).isTrue();
        assertThat(ahead.events()).isEmpty();
        assertThat(a.replay(Set.of("even"), ids.get(8), null, 100).isKnown()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "12", "abc.1-0", "zzzzzzzz.1-0", "EPOCH.1-0", "EPOCH.1-", "EPOCH.-1",
            "EPOCH.99999999999999-0", "EPOCH.1-0-0", ".1-0", "EPOCH", "EPOCH.x-y"})
    void anIdThisLogDidNotIssueInItsEpochIsUnknown(String template) throws Exception {
        RedisLogFixture.Node a = nodes.open(redis.uri(), stream());
        String last = a.publish("ch", "e").id();
        String id = template.replace("EPOCH", a.log().epoch().orElseThrow());
        EventLog.Replay r = a.replay(Set.of("ch"), id, last, 100);
        assertThat(r.isKnown()).isFalse();
        assertThat(r.isTruncated()).isFalse();
    }

    @Test
    void anIdOfAnotherStreamIsUnknown() throws Exception {
        RedisLogFixture.Node a = nodes.open(redis.uri(), stream());
        RedisLogFixture.Node other = nodes.open(redis.uri(), stream());
        String foreign = other.publish("ch", "x").id();
        String last = a.publish("ch", "e").id();
        assertThat(a.replay(Set.of("ch"), foreign, last, 100).isKnown()).isFalse();
    }

    @Test
    void moreMissedEntriesThanTheScanBoundIsTruncated() throws Exception {
        RedisLogFixture.Node a = nodes.open(redis.uri(), stream(), b -> b.maxScan(4));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(a.publish(i == 7 ? "wanted" : "other", "e" + i).id());
        }
        // Every channel counts: 3 entries lie after ids[0] up to ids[3].
        assertThat(a.replay(Set.of("wanted"), ids.get(0), ids.get(3), 3).isKnown()).isTrue();
        assertThat(a.replay(Set.of("wanted"), ids.get(0), ids.get(4), 3).isTruncated()).isTrue();
        // The builder's bound caps the caller's.
        assertThat(a.replay(Set.of("wanted"), ids.get(2), ids.get(6), 100).isKnown()).isTrue();
        assertThat(a.replay(Set.of("wanted"), ids.get(2), ids.get(7), 100).isTruncated()).isTrue();
        assertThat(a.replay(Set.of("wanted"), ids.get(3), ids.get(7), 100).events())
                .extracting(e -> e.data().orElseThrow()).containsExactly("e7");
    }

    @Test
    void trimmingByCountExpiresOldIds() throws Exception {
        RedisLogFixture.Node a = nodes.open(redis.uri(), stream(), b -> b.maxLength(10));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(a.publish("ch", "e" + i).id());
        }
        long length = redis.admin(c -> c.xlen(a.log().streamKey()));
        assertThat(length).isBetween(10L, 10L + 4);
        String last = ids.get(59);
        assertThat(a.replay(Set.of("ch"), ids.get(0), last, 1000).isKnown()).isFalse();
        EventLog.Replay recent = a.replay(Set.of("ch"), ids.get(52), last, 1000);
        assertThat(recent.events()).extracting(e -> e.data().orElseThrow())
                .containsExactly("e53", "e54", "e55", "e56", "e57", "e58", "e59");
    }

    @Test
    void trimmingByAgeExpiresOldIds() throws Exception {
        RedisLogFixture.Node a = nodes.open(redis.uri(), stream(), b -> b.maxAge(Duration.ofMillis(300)).maxLength(0));
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            old.add(a.publish("ch", "old" + i).id());
        }
        long oldMillis = Long.parseLong(old.get(11).substring(old.get(11).indexOf('.') + 1, old.get(11).indexOf('-')));
        // Wait on Redis's own clock, which the trimming uses.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> Long.parseLong(redis.admin(c -> c.time()).get(0)) * 1000 > oldMillis + 1300);
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fresh.add(a.publish("ch", "new" + i).id());
        }
        String last = fresh.get(11);
        assertThat(a.replay(Set.of("ch"), old.get(0), last, 1000).isKnown()).isFalse();
        assertThat(a.replay(Set.of("ch"), fresh.get(8), last, 1000).events()).extracting(e -> e.data().orElseThrow())
                .containsExactly("new9", "new10", "new11");
    }

    @Test
    void flushallChangesTheEpochSoEveryOldIdIsUnknown() throws Exception {
        String s = stream();
        RedisLogFixture.Node a = nodes.open(redis.uri(), s);
        RedisLogFixture.Node b = nodes.open(redis.uri(), s);
        String before = a.publish("ch", "before").id();
        String oldEpoch = a.log().epoch().orElseThrow();
        redis.admin(c -> c.flushall());
        await().atMost(Duration.ofSeconds(5)).until(() -> !oldEpoch.equals(a.log().epoch().orElseThrow())
                && !oldEpoch.equals(b.log().epoch().orElseThrow()));
        assertThat(a.log().epoch()).isEqualTo(b.log().epoch());
        String after = a.publish("ch", "after").id();
        assertThat(after).startsWith(a.log().epoch().orElseThrow() + ".");
        assertThat(a.replay(Set.of("ch"), before, after, 100).isKnown()).isFalse();
        assertThat(b.replay(Set.of("ch"), before, after, 100).isKnown()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> b.feed().ids().contains(after));
        assertThat(b.feed().data()).containsExactly("before", "after");
        // Ids of the new epoch come after those of the old one.
        assertThat(a.log().compare(before, after)).isNegative();
    }

    @Test
    void aClosedLogFailsAppends() throws Exception {
        RedisLogFixture.Node a = nodes.open(redis.uri(), stream());
        a.log().close();
        assertThatThrownBy(() -> RedisLogFixture.join(a.log().append("ch", SseEvent.of("x"))))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(a.log().isConnected()).isFalse();
    }
}
