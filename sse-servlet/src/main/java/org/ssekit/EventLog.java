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
package org.ssekit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.ssekit.internal.RingEventLog;

/**
 * The one source of order for a {@link Broadcaster}: assigns ids to published events, keeps
 * enough history to resume a client from its Last-Event-ID, and feeds every event, in id
 * order, to the fan-out of this node. In a cluster the log is shared (a Redis stream, say),
 * and its feed carries the events published on other nodes too, so one node and many run the
 * same fan-out code.
 *
 * <pre>
 * publish ──append──▶ EventLog ──feed, in id order──▶ fan-out ──▶ stream queues ──▶ writers
 * </pre>
 *
 * <p>Ids are opaque strings to clients. A log's ids carry an epoch that changes whenever the
 * log loses its history (a new in-memory log; a store that lost its data), so an old id always
 * meets the reset event, never a silent gap. Ids are shorter than 128 bytes and hold only
 * characters that need no CORS preflight ({@code [0-9A-Za-z._-]}).
 *
 * <p>Nothing here is called under a lock that publishers or subscribers wait on: {@link #append}
 * and {@link #replay} are asynchronous, and a slow store delays only the stages it returns.
 *
 * <p>Thread safety: implementations must be safe for calls from any thread; {@link Feed#deliver}
 * is called by the log from one thread at a time.
 */
public interface EventLog extends AutoCloseable {

    /**
     * Records {@code event}, published to {@code channel}, under a new id. The stage completes
     * once the event is in the log and this node's feed has delivered it, with the id and the
     * count {@link Feed#deliver} returned; it fails (with an exception that says why, such as
     * the store being unreachable) when the event was not recorded. A failed append is never
     * delivered to any feed.
     */
    CompletionStage<PublishResult> append(String channel, SseEvent event);

    /**
     * Starts feeding {@code feed}: first {@link Feed#start} with the position the feed begins
     * after, then every event appended from then on, on any node, in id order. Called once.
     */
    void open(Feed feed);

    /**
     * What a client that last saw {@code after} missed on {@code channels}: the events with ids
     * after {@code after} up to and including {@code upTo} (the newest id this node's feed has
     * delivered; null when it has delivered none), oldest first, each carrying its id.
     * {@link Replay#unknown()} when {@code after} was not issued by this log in its current
     * epoch or history after it is gone; {@link Replay#truncated()} when more than {@code maxScan}
     * entries lie between the two ids (the scan stops there). When {@code after} is newer than
     * {@code upTo} (this node lags behind the one that served the client), the replay is empty.
     */
    CompletionStage<Replay> replay(Set<String> channels, String after, String upTo, int maxScan);

    /**
     * Orders two ids this log issued in its current epoch: negative when {@code a} came first,
     * zero when equal, positive when {@code a} came later.
     */
    int compare(String a, String b);

    /** False while the log cannot reach its store (publishes then fail); true for a local log. */
    default boolean isConnected() {
        return true;
    }

    /** Stops the feed and frees the log's resources; later appends fail. */
    @Override
    default void close() {
    }

    /** A log in memory, bounded by event count, bytes and age, with a random epoch. */
    static EventLog inMemory(int maxEvents, long maxBytes, Duration maxAge) {
        return new RingEventLog(maxEvents, maxBytes, maxAge, Clock.systemUTC());
    }

    /** {@link #inMemory(int, long, Duration)} with 10,000 events, 16 MiB, one hour. */
    static EventLog inMemory() {
        return inMemory(10_000, 16L << 20, Duration.ofHours(1));
    }

    /**
     * Where a log delivers events: the fan-out of one node. Called by the log from one thread at
     * a time, in id order.
     */
    interface Feed {
        /**
         * The events that follow are those after {@code position} (the newest id in the log when
         * the feed started; null when the log was empty). Called once, before any event.
         */
        void start(String position);

        /**
         * Fans out {@code event} (which carries its id), published to {@code channel}; returns
         * how many of this node's subscribers took it. Never blocks and never throws.
         */
        int deliver(String channel, SseEvent event);
    }

    /**
     * What a client missed: the events to send again, or the verdict that its id is unknown or
     * that it missed too much to replay.
     *
     * <p>Thread safety: immutable.
     */
    final class Replay {
        private enum Kind { KNOWN, UNKNOWN, TRUNCATED }

        private static final Replay UNKNOWN = new Replay(Kind.UNKNOWN, List.of());
        private static final Replay TRUNCATED = new Replay(Kind.TRUNCATED, List.of());
        private final Kind kind;
        private final List<SseEvent> events;

        private Replay(Kind kind, List<SseEvent> events) {
            this.kind = kind;
            this.events = events;
        }

        /** The missed events, oldest first, each with its id. */
        public static Replay of(List<SseEvent> events) {
            return new Replay(Kind.KNOWN, List.copyOf(Objects.requireNonNull(events, "events")));
        }

        /** The id was never issued by this log, or history after it is gone. */
        public static Replay unknown() {
            return UNKNOWN;
        }

        /** More was missed than the scan bound allows. */
        public static Replay truncated() {
            return TRUNCATED;
        }

        /** False when the id was unknown or expired: the client must be told to reset. */
        public boolean isKnown() {
            return kind == Kind.KNOWN;
        }

        /** True when the scan bound was reached: the client must be told to reset. */
        public boolean isTruncated() {
            return kind == Kind.TRUNCATED;
        }

        /** The missed events, oldest first; empty unless {@link #isKnown()}. */
        public List<SseEvent> events() {
            return events;
        }
    }
}
