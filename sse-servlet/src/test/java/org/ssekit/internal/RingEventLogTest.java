package org.ssekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private RingEventLog log(int maxEvents, long maxBytes, Duration maxAge) {
        return new RingEventLog(maxEvents, maxBytes, maxAge, clock);
    }

    private static List<String> data(EventLog.Replay r) {
        return r.events().stream().map(e -> e.data().orElseThrow()).toList();
    }

    @Test
    void res01IdsAreUniqueOrderedAndCorsSafe() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String a = log.append("c", SseEvent.of("a"));
        String b = log.append("c", SseEvent.of("b"));
        assertThat(a).isNotEqualTo(b).matches("[0-9a-z]+-1");
        assertThat(b).matches("[0-9a-z]+-2");
        assertThat(log.lastId()).contains(b);
    }

    @Test
    void res02ReplaysExactlyWhatCameAfterTheId() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String first = log.append("c", SseEvent.of("1"));
        log.append("c", SseEvent.of("2"));
        String third = log.append("c", SseEvent.of("3"));
        assertThat(data(log.replay(Set.of("c"), first))).containsExactly("2", "3");
        assertThat(log.replay(Set.of("c"), third).isKnown()).isTrue();
        assertThat(log.replay(Set.of("c"), third).events()).isEmpty();
        assertThat(log.replay(Set.of("c"), first).events().get(0).id()).isPresent();
    }

    @Test
    void res02ReplaysOnlyTheStreamsChannelsInPublishOrder() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String start = log.append("a", SseEvent.of("a1"));
        log.append("b", SseEvent.of("b1"));
        log.append("x", SseEvent.of("x1"));
        log.append("a", SseEvent.of("a2"));
        assertThat(data(log.replay(Set.of("a", "b"), start))).containsExactly("b1", "a2");
    }

    @ParameterizedTest(name = "RES-03 unknown id ''{0}''")
    @ValueSource(strings = {"", "42", "zzz-1", "-1", "' OR 1=1 --", "abc\r\nevent: x"})
    void res03UnknownIdsAreUnknown(String id) {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        log.append("c", SseEvent.of("1"));
        assertThat(log.replay(Set.of("c"), id).isKnown()).isFalse();
    }

    @Test
    void res03AnIdFromTheFutureOrAnotherLogIsUnknown() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String id = log.append("c", SseEvent.of("1"));
        String future = id.substring(0, id.indexOf('-') + 1) + "99";
        assertThat(log.replay(Set.of("c"), future).isKnown()).isFalse();
        clock.advance(Duration.ofSeconds(5));
        RingEventLog restarted = log(100, 1 << 20, Duration.ofHours(1));
        restarted.append("c", SseEvent.of("new"));
        assertThat(restarted.replay(Set.of("c"), id).isKnown()).as("id from before a restart").isFalse();
    }

    @Test
    void res03ExpiredByCount() {
        RingEventLog log = log(2, 1 << 20, Duration.ofHours(1));
        String first = log.append("c", SseEvent.of("1"));
        String second = log.append("c", SseEvent.of("2"));
        log.append("c", SseEvent.of("3"));
        log.append("c", SseEvent.of("4"));
        assertThat(log.replay(Set.of("c"), first).isKnown()).isFalse();
        assertThat(data(log.replay(Set.of("c"), second))).containsExactly("3", "4");
    }

    @Test
    void res03ExpiredByBytes() {
        RingEventLog log = log(100, 1000, Duration.ofHours(1));
        String first = log.append("c", SseEvent.of("x".repeat(300)));
        String second = log.append("c", SseEvent.of("y".repeat(300)));
        assertThat(log.replay(Set.of("c"), first).isKnown()).as("event 2 is still kept").isTrue();
        log.append("c", SseEvent.of("z".repeat(300)));
        assertThat(log.replay(Set.of("c"), first).isKnown()).isFalse();
        assertThat(log.replay(Set.of("c"), second).isKnown()).isTrue();
    }

    @Test
    void res03ExpiredByAge() {
        RingEventLog log = log(100, 1 << 20, Duration.ofMinutes(1));
        String first = log.append("c", SseEvent.of("1"));
        log.append("c", SseEvent.of("2"));
        assertThat(log.replay(Set.of("c"), first).isKnown()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(log.replay(Set.of("c"), first).isKnown()).isFalse();
    }

    @Test
    void bad01AHugeIdIsUnknown() {
        RingEventLog log = log(100, 1 << 20, Duration.ofHours(1));
        String id = log.append("c", SseEvent.of("1"));
        assertThat(log.replay(Set.of("c"), id + "0".repeat(64 * 1024)).isKnown()).isFalse();
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
