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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssekit.EventLog;
import org.ssekit.SseEvent;

/** RES-01..RES-03 on the in-memory log: ids, exact replay, reset on unknown or expired ids. */
class RingEventLogTest {
    private final MutableClock clock = new MutableClock();

    private final List<String> fed = new ArrayList<>();
    private String newest;

    private RingEventLog log(int maxEvents, long maxBytes, Duration maxAge) {
        RingEventLog log = new RingEventLog(maxEvents, maxBytes, maxAge, clock);
        log.open(new EventLog.Feed() {
            @Override
            public void start(String position) {
                newest = position;
            }

            @Override
            public int deliver(String channel, SseEvent event) {
                fed.add(channel + ":" + event.data().orElseThrow());
                newest = event.id().orElseThrow();
                return 7;
            }
        });
        return log;
    }

    private static String append(EventLog log, String channel, SseEvent event) {
        return log.append(channel, event).toCompletableFuture().join().id();
    }

    /** The replay after {@code after} up to everything fed so far. */
    private EventLog.Replay replay(EventLog log, Set<String> channels, String after) {
        return log.replay(channels, after, newest, 10_000).toCompletableFuture().join();
    }

    private static List<String> data(EventLog.Replay r) {
        return r.events().stream().map(e -> e.data().orElseThrow()).toList();
    }

    @Test
    void res01IdsAreUniqueOrderedAndCorsSafe() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String a = append(log, "c", SseEvent.of("a"));
        String b = append(log, "c", SseEvent.of("b"));
        assertThat(a).isNotEqualTo(b).matches("[0-9a-z]+-1");
        assertThat(b).matches("[0-9a-z]+-2").hasSizeLessThan(128);
        assertThat(log.compare(a, b)).isNegative();
        assertThat(log.compare(b, a)).isPositive();
    }

    @Test
    void res01TwoLogsMadeAtOnceNeverShareIds() {
        Set<String> epochs = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            epochs.add(new RingEventLog(10, 1000, Duration.ofHours(1), clock).epoch());
        }
        assertThat(epochs).hasSize(1000);
        RingEventLog one = log(100, 1 << 20, Duration.ofHours(1));
        String id = append(one, "c", SseEvent.of("1"));
        RingEventLog other = log(100, 1 << 20, Duration.ofHours(1));
        append(other, "c", SseEvent.of("1"));
        append(other, "c", SseEvent.of("2"));
        assertThat(replay(other, Set.of("c"), id).isKnown()).as("an id of another log").isFalse();
    }

    @Test
    void theFeedGetsEveryEventInIdOrderAndThePublisherItsCount() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        var result = log.append("a", SseEvent.of("1")).toCompletableFuture().join();
        append(log, "b", SseEvent.of("2"));
        assertThat(result.accepted()).isEqualTo(7);
        assertThat(fed).containsExactly("a:1", "b:2");
    }

    @Test
    void theFeedStartsAfterWhatWasAppendedBeforeItOpened() {
        RingEventLog log = new RingEventLog(100, 1 << 20, Duration.ofHours(1), clock);
        var early = log.append("c", SseEvent.of("early"));
        assertThat(early.toCompletableFuture()).as("no feed yet").isNotDone();
        List<String> positions = new ArrayList<>();
        log.open(new EventLog.Feed() {
            @Override
            public void start(String position) {
                positions.add(String.valueOf(position));
            }

            @Override
            public int deliver(String channel, SseEvent event) {
                positions.add(event.data().orElseThrow());
                return 0;
            }
        });
        assertThat(positions).containsExactly("null", "early");
        assertThat(early.toCompletableFuture()).isDone();
    }

    @Test
    void res02TheReplayStopsAtTheHandOffId() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String first = append(log, "c", SseEvent.of("1"));
        String second = append(log, "c", SseEvent.of("2"));
        append(log, "c", SseEvent.of("3"));
        assertThat(data(log.replay(Set.of("c"), first, second, 100).toCompletableFuture().join()))
                .as("3 comes live").containsExactly("2");
        assertThat(log.replay(Set.of("c"), second, first, 100).toCompletableFuture().join().events())
                .as("a client ahead of this node").isEmpty();
    }

    @Test
    void res03MoreThanTheScanBoundIsTruncated() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String first = append(log, "c", SseEvent.of("0"));
        for (int i = 1; i <= 10; i++) {
            append(log, "other", SseEvent.of(Integer.toString(i)));
        }
        EventLog.Replay r = log.replay(Set.of("c"), first, newest, 5).toCompletableFuture().join();
        assertThat(r.isTruncated()).isTrue();
        assertThat(r.isKnown()).isFalse();
        assertThat(log.replay(Set.of("c"), first, newest, 10).toCompletableFuture().join().isKnown()).isTrue();
    }

    @Test
    void res02ReplaysExactlyWhatCameAfterTheId() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String first = append(log, "c", SseEvent.of("1"));
        append(log, "c", SseEvent.of("2"));
        String third = append(log, "c", SseEvent.of("3"));
        assertThat(data(replay(log, Set.of("c"), first))).containsExactly("2", "3");
        assertThat(replay(log, Set.of("c"), third).isKnown()).isTrue();
        assertThat(replay(log, Set.of("c"), third).events()).isEmpty();
        assertThat(replay(log, Set.of("c"), first).events().get(0).id()).isPresent();
    }

    @Test
    void res02ReplaysOnlyTheStreamsChannelsInPublishOrder() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String start = append(log, "a", SseEvent.of("a1"));
        append(log, "b", SseEvent.of("b1"));
        append(log, "x", SseEvent.of("x1"));
        append(log, "a", SseEvent.of("a2"));
        assertThat(data(replay(log, Set.of("a", "b"), start))).containsExactly("b1", "a2");
    }

    @ParameterizedTest(name = "RES-03 unknown id ''{0}''")
    @ValueSource(strings = {"", "42", "zzz-1", "-1", "' OR 1=1 --", "abc\r\nevent: x"})
    void res03UnknownIdsAreUnknown(String id) {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        append(log, "c", SseEvent.of("1"));
        assertThat(replay(log, Set.of("c"), id).isKnown()).isFalse();
    }

    @Test
    void res03AnIdFromTheFutureOrAnotherLogIsUnknown() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String id = append(log, "c", SseEvent.of("1"));
        String future = id.substring(0, id.indexOf('-') + 1) + "99";
        assertThat(replay(log, Set.of("c"), future).isKnown()).isFalse();
        RingEventLog restarted = log(100, 1 << 20, Duration.ofHours(1));
        append(restarted, "c", SseEvent.of("new"));
        assertThat(replay(restarted, Set.of("c"), id).isKnown()).as("id from before a restart").isFalse();
    }

    @Test
    void res03OnlyTheCanonicalFormOfAnIdIsKnown() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String first = append(log, "c", SseEvent.of("1"));
        append(log, "c", SseEvent.of("2"));
        String prefix = first.substring(0, first.indexOf('-') + 1);
        for (String variant : new String[] {prefix + "01", prefix + "+1", prefix + "-1", prefix, prefix + "1 ",
                prefix.toUpperCase(java.util.Locale.ROOT) + "1"}) {
            assertThat(replay(log, Set.of("c"), variant).isKnown()).as(variant).isFalse();
        }
        assertThat(data(replay(log, Set.of("c"), prefix + "1"))).containsExactly("2");
    }

    @Test
    void res03ExpiredByCount() {
        RingEventLog log = log(2, 1 << 20, Duration.ofHours(1));
        String first = append(log, "c", SseEvent.of("1"));
        String second = append(log, "c", SseEvent.of("2"));
        append(log, "c", SseEvent.of("3"));
        append(log, "c", SseEvent.of("4"));
        assertThat(replay(log, Set.of("c"), first).isKnown()).isFalse();
        assertThat(data(replay(log, Set.of("c"), second))).containsExactly("3", "4");
    }

    @Test
    void res03ExpiredByBytes() {
        RingEventLog log = log(100, 1000, Duration.ofHours(1));
        String first = append(log, "c", SseEvent.of("x".repeat(300)));
        String second = append(log, "c", SseEvent.of("y".repeat(300)));
        assertThat(replay(log, Set.of("c"), first).isKnown()).as("event 2 is still kept").isTrue();
        append(log, "c", SseEvent.of("z".repeat(300)));
        assertThat(replay(log, Set.of("c"), first).isKnown()).isFalse();
        assertThat(replay(log, Set.of("c"), second).isKnown()).isTrue();
    }

    @Test
    void res03ExpiredByAge() {
        RingEventLog log = log(100, 1 << 20, Duration.ofMinutes(1));
        String first = append(log, "c", SseEvent.of("1"));
        append(log, "c", SseEvent.of("2"));
        assertThat(replay(log, Set.of("c"), first).isKnown()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(replay(log, Set.of("c"), first).isKnown()).isFalse();
    }

    @Test
    void bad01AHugeIdIsUnknown() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String id = append(log, "c", SseEvent.of("1"));
        assertThat(replay(log, Set.of("c"), id + "0".repeat(64 * 1024)).isKnown()).isFalse();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
