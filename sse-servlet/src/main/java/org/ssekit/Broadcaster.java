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

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.ssekit.internal.Counters;
import org.ssekit.internal.FanOut;
import org.ssekit.internal.Resume;

/**
 * Fans events out to the streams subscribed to a channel, through an {@link EventLog} that
 * numbers them, and resumes reconnecting clients from their Last-Event-ID.
 *
 * <pre>
 * Broadcaster news = Broadcaster.create();
 * news.subscribe(stream, List.of("sports", "weather"));          // one connection, two channels
 * news.publish("sports", SseEvent.of("goal", "2:1"));           // -&gt; "id: 3k9x0q2m7d1f-7\nevent: goal\ndata: 2:1\n\n"
 * </pre>
 *
 * <p>A publish appends the event to the log and returns at once; the log feeds every event,
 * in id order, to this broadcaster's fan-out, which encodes it once and queues the same bytes
 * on every subscriber. Writer threads do the socket I/O, so neither a slow client nor a slow
 * store holds up a publisher. With a shared log (such as Redis Streams) the fan-out also gets
 * the events published on other nodes, in the same order on every node.
 *
 * <p>A subscriber that reconnects with a Last-Event-ID first gets exactly the events it missed
 * on its channels, oldest first, then live ones, with no gap and no duplicate at the hand-off.
 * When the id is unknown or expired it instead gets the reset event, before any live event:
 * <pre>
 * id: &lt;newest id, if any&gt;
 * event: reset
 * data: {"reason":"unknown-or-expired-last-event-id"}
 * </pre>
 * so the client can reload its state. It gets the same event, with the reason
 * {@code too-many-missed-events}, when what it missed exceeds the scan bound
 * ({@link Builder#maxReplay}) or would not fit its queue ({@code SseConfig.maxQueuedEvents},
 * {@code maxQueuedBytes}). Channel names starting with {@code @} are reserved.
 *
 * <p>Thread safety: safe for concurrent use; every subscriber sees events in the order of their
 * ids, and events published from one thread get ids in that order.
 */
public final class Broadcaster implements AutoCloseable {
    private final EventLog log;
    private final FanOut fanOut;

    private Broadcaster(Builder b) {
        this.log = b.log;
        this.fanOut = new FanOut(b.log, b.resetEvent, b.maxReplay, b.counters);
        b.counters.attach(log);
        log.open(fanOut);
    }

    /** A broadcaster with an in-memory log ({@link EventLog#inMemory()}) and reset event {@code reset}. */
    public static Broadcaster create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Subscribes {@code stream} to {@code channels}, resuming from its Last-Event-ID if it sent one. */
    public void subscribe(EventStream stream, Collection<String> channels) {
        subscribe(stream, channels, null);
    }

    /**
     * Subscribes {@code stream} to {@code channels}, and to the events sent to {@code user}
     * (may be null) with {@link #publishToUser}; resumes from the stream's Last-Event-ID. Returns
     * at once: a replay runs asynchronously, and live events wait for it.
     *
     * @throws IllegalStateException when this broadcaster is closed (the stream is closed too)
     */
    public void subscribe(EventStream stream, Collection<String> channels, String user) {
        Objects.requireNonNull(stream, "stream");
        fanOut.subscribe(stream, keysFor(channels, user));
    }

    /** Removes {@code stream} from every channel; done by itself when the stream closes. */
    public void unsubscribe(EventStream stream) {
        fanOut.leave(Objects.requireNonNull(stream, "stream"));
    }

    /**
     * Logs {@code event} under a new id; the log then feeds it to every subscriber of
     * {@code channel}, on every node that shares the log. An id already set on the event is
     * replaced by the log's. Returns at once; the stage completes when the event is logged and
     * queued on this node's subscribers, with its id and how many took it, or fails when the log
     * could not record it (nothing was then sent to anyone).
     *
     * @throws IllegalStateException when this broadcaster is closed
     */
    public CompletionStage<PublishResult> publish(String channel, SseEvent event) {
        return publishTo(checkChannel(channel), Objects.requireNonNull(event, "event"));
    }

    /** Like {@link #publish}, to the streams subscribed for {@code user}. */
    public CompletionStage<PublishResult> publishToUser(String user, SseEvent event) {
        return publishTo(userKey(user), Objects.requireNonNull(event, "event"));
    }

    private CompletionStage<PublishResult> publishTo(String key, SseEvent event) {
        if (fanOut.isClosed()) {
            throw new IllegalStateException("broadcaster is closed: the event was not published");
        }
        return log.append(key, event).whenComplete((r, failure) -> {
            if (failure == null) {
                fanOut.counters().published();
            }
        });
    }

    /** Streams subscribed to {@code channel} now. */
    public int subscribers(String channel) {
        return fanOut.subscribers(checkChannel(channel));
    }

    /** Streams subscribed to any channel now. */
    public int subscribers() {
        return fanOut.subscribers();
    }

    /**
     * The connection registry of one channel: the streams subscribed to {@code channel} now, as
     * an immutable snapshot, in the order they subscribed. Send to one, close one, or count them:
     * <pre>
     * List&lt;EventStream&gt; watching = news.connections("sports");
     * watching.size();                                   // how many
     * watching.get(0).send(SseEvent.of("hello", "you")); // -&gt; "event: hello\ndata: you\n\n" to that one
     * watching.get(0).close();                           // ends that one; it leaves every channel
     * </pre>
     * A stream that closes later stays in the snapshot (its sends then fail); the next call no
     * longer lists it. No lock is held while the caller uses the list.
     */
    public List<EventStream> connections(String channel) {
        return fanOut.streams(checkChannel(channel));
    }

    /**
     * The connections subscribed for {@code user} (with {@link #subscribe(EventStream, Collection,
     * String)}, or by an endpoint whose authorizer named the user), as in {@link #connections}:
     * the tabs and devices one user has open, to count, send to one, or close (log out) them all.
     */
    public List<EventStream> connectionsOf(String user) {
        return fanOut.streams(userKey(user));
    }

    /** The figures of this broadcaster (shared with the endpoint given to {@link Builder#metrics}). */
    public SseMetrics metrics() {
        return fanOut.counters();
    }

    /** The log this broadcaster publishes through. */
    public EventLog eventLog() {
        return log;
    }

    /**
     * Stops publishing, closes every subscribed stream after the events already queued, so
     * clients reconnect (elsewhere) and resume, and closes the log. Later publishes fail with
     * IllegalStateException.
     */
    @Override
    public void close() {
        if (fanOut.isClosed()) {
            return;
        }
        fanOut.close().forEach(EventStream::close);
        fanOut.counters().detach(log);
        log.close();
    }

    private static Set<String> keysFor(Collection<String> channels, String user) {
        Objects.requireNonNull(channels, "channels");
        Set<String> keys = new LinkedHashSet<>();
        for (String c : channels) {
            keys.add(checkChannel(c));
        }
        if (user != null) {
            keys.add(userKey(user));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("channels must name at least one channel (or give a user)");
        }
        return Set.copyOf(keys);
    }

    private static String checkChannel(String channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.isEmpty() || channel.startsWith("@")) {
            throw new IllegalArgumentException("channel must be non-empty and not start with '@', got '"
                    + channel + "'");
        }
        return channel;
    }

    private static String userKey(String user) {
        Objects.requireNonNull(user, "user");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("user must not be empty");
        }
        return FanOut.USER_PREFIX + user;
    }

    /**
     * Builds a {@link Broadcaster}.
     *
     * <p>Thread safety: a builder is not thread-safe; use it from one thread.
     */
    public static final class Builder {
        private EventLog log;
        private String resetEvent = Resume.DEFAULT_RESET_EVENT;
        private Counters counters;
        private int maxReplay = 10_000;

        private Builder() {
        }

        /**
         * Where ids come from and history is kept; default {@link EventLog#inMemory()}. The
         * broadcaster owns the log: closing it closes the log.
         */
        public Builder eventLog(EventLog eventLog) {
            this.log = Objects.requireNonNull(eventLog, "eventLog");
            return this;
        }

        /** The event name sent to a client whose Last-Event-ID is unknown or expired. */
        public Builder resetEvent(String name) {
            this.resetEvent = Objects.requireNonNull(name, "resetEvent");
            return this;
        }

        /**
         * The most log entries a resuming client may have missed (on any channel) for a replay;
         * past it, the client gets the reset event ({@code too-many-missed-events}). Default 10,000.
         */
        public Builder maxReplay(int entries) {
            this.maxReplay = entries;
            return this;
        }

        /**
         * Counts into the figures of an endpoint, such as {@code SseStreams.metrics()}, so one
         * MBean shows both.
         */
        public Builder metrics(SseMetrics metrics) {
            Objects.requireNonNull(metrics, "metrics");
            if (!(metrics instanceof Counters c)) {
                throw new IllegalArgumentException("metrics must come from an ssekit endpoint");
            }
            this.counters = c;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is out of range */
        public Broadcaster build() {
            SseEvent.builder().event(resetEvent); // validates the name
            if (maxReplay < 1) {
                throw new IllegalArgumentException("maxReplay must be at least 1, got " + maxReplay);
            }
            if (log == null) {
                log = EventLog.inMemory();
            }
            if (counters == null) {
                counters = new Counters();
            }
            return new Broadcaster(this);
        }
    }
}
