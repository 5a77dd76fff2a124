package org.ssekit;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ssekit.internal.RingEventLog;

/**
 * Assigns ids to published events and keeps enough history to resume a client from its
 * Last-Event-ID. Ids are opaque strings to clients; only the log knows their order.
 *
 * <p>The {@link Broadcaster} calls {@link #append} and {@link #replay} under its publish lock,
 * so a log sees them in a total order; implementations still must be safe for calls from
 * any thread. {@link #inMemory} gives the default, bounded log; a shared store (such as a
 * Redis stream, whose ids look like {@code 1718000000000-0}) can implement this interface
 * for a cluster.
 */
public interface EventLog {

    /** Records {@code event}, published to {@code channel}, and returns its new id. */
    String append(String channel, SseEvent event);

    /**
     * The events on any of {@code channels} published after the one with id {@code lastEventId},
     * oldest first, each carrying its id; or {@link Replay#unknown()} when the id was never
     * issued by this log or history after it has been dropped.
     */
    Replay replay(Collection<String> channels, String lastEventId);

    /** The id of the newest event, if any. */
    Optional<String> lastId();

    /** A log in memory, bounded by event count, bytes and age. */
    static EventLog inMemory(int maxEvents, long maxBytes, Duration maxAge) {
        return new RingEventLog(maxEvents, maxBytes, maxAge, Clock.systemUTC());
    }

    /** {@link #inMemory(int, long, Duration)} with 10,000 events, 16 MiB, one hour. */
    static EventLog inMemory() {
        return inMemory(10_000, 16L << 20, Duration.ofHours(1));
    }

    /**
     * What a client missed: the events to send again, or the verdict that its id is unknown.
     *
     * <p>Thread safety: immutable.
     */
    final class Replay {
        private static final Replay UNKNOWN = new Replay(null);
        private final List<SseEvent> events;

        private Replay(List<SseEvent> events) {
            this.events = events;
        }

        public static Replay of(List<SseEvent> events) {
            return new Replay(List.copyOf(Objects.requireNonNull(events, "events")));
        }

        public static Replay unknown() {
            return UNKNOWN;
        }

        /** False when the id was unknown or expired: the client must be told to reset. */
        public boolean isKnown() {
            return events != null;
        }

        /** The missed events, oldest first; empty when unknown. */
        public List<SseEvent> events() {
            return events == null ? List.of() : events;
        }
    }
}
