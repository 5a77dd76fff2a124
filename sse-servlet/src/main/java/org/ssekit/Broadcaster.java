package org.ssekit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.ssekit.internal.Counters;
import org.ssekit.internal.EventEncoder;
import org.ssekit.internal.OutboundStream;

/**
 * Fans events out to the streams subscribed to a channel, keeps them in an {@link EventLog},
 * and resumes reconnecting clients from their Last-Event-ID.
 *
 * <pre>
 * Broadcaster news = Broadcaster.create();
 * news.subscribe(stream, List.of("sports", "weather"));          // one connection, two channels
 * news.publish("sports", SseEvent.of("goal", "2:1"));           // -&gt; "id: lq3x-7\nevent: goal\ndata: 2:1\n\n"
 * </pre>
 *
 * <p>Each event is encoded once and the same bytes are queued on every subscriber; the writes
 * happen after the publish lock is released, so a slow client never holds up a publisher.
 * A subscriber that reconnects with a Last-Event-ID first gets exactly the events it missed
 * on its channels, oldest first, then live ones: replay and subscription happen under the
 * publish lock, so nothing is lost or repeated at the hand-off. When the id is unknown or
 * expired it instead gets the reset event, before any live event:
 * <pre>
 * id: &lt;newest id, if any&gt;
 * event: reset
 * data: {"reason":"unknown-or-expired-last-event-id"}
 * </pre>
 * so the client can reload its state. It gets the same event, with the reason
 * {@code too-many-missed-events}, when what it missed would not fit its queue
 * ({@code SseConfig.maxQueuedEvents}, {@code maxQueuedBytes}). Channel names starting with {@code @} are reserved.
 *
 * <p>Thread safety: safe for concurrent use; events published from one thread reach each
 * subscriber in that order, and every subscriber sees events in the order of their ids.
 */
public final class Broadcaster implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Broadcaster.class.getName());
    private static final String USER_PREFIX = "@user:";
    private static final EventStream[] NONE = new EventStream[0];
    static final String UNKNOWN_ID = "{\"reason\":\"unknown-or-expired-last-event-id\"}";
    static final String TOO_MANY_MISSED = "{\"reason\":\"too-many-missed-events\"}";

    /** An event to send again, with its bytes. */
    private record Missed(SseEvent event, byte[] frame) {
        Missed(SseEvent event) {
            this(event, EventEncoder.encode(event));
        }
    }

    private final EventLog log;
    private final String resetEvent;
    private final Counters counters;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock. The arrays are never changed in place: a publish may iterate one after unlocking.
    private final Map<String, EventStream[]> streamsByKey = new HashMap<>();
    private final Map<EventStream, Set<String>> keysByStream = new HashMap<>();
    private boolean closed;

    private Broadcaster(Builder b) {
        this.log = b.log;
        this.resetEvent = b.resetEvent;
        this.counters = b.counters;
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
     * (may be null) with {@link #publishToUser}; resumes from the stream's Last-Event-ID.
     *
     * @throws IllegalStateException when this broadcaster is closed (the stream is closed too)
     */
    public void subscribe(EventStream stream, Collection<String> channels, String user) {
        Objects.requireNonNull(stream, "stream");
        Set<String> keys = keysFor(channels, user);
        List<Missed> backlog;
        lock.lock();
        try {
            if (closed) {
                stream.close();
                throw new IllegalStateException("broadcaster is closed");
            }
            backlog = stream.lastEventId().map(id -> catchUp(stream, keys, id)).orElse(List.of());
            for (Missed m : backlog) {
                offer(stream, m.frame(), m.event());
            }
            for (String key : keys) {
                EventStream[] current = streamsByKey.getOrDefault(key, NONE);
                EventStream[] grown = Arrays.copyOf(current, current.length + 1);
                grown[current.length] = stream;
                streamsByKey.put(key, grown);
            }
            keysByStream.computeIfAbsent(stream, s -> new LinkedHashSet<>()).addAll(keys);
        } finally {
            lock.unlock();
        }
        stream.onClose(() -> unsubscribe(stream));
        wake(stream);
    }

    /**
     * The events a client resuming from {@code lastEventId} must get first: what it missed,
     * or the reset event when the id is unknown or what it missed would overflow its queue.
     */
    private List<Missed> catchUp(EventStream stream, Set<String> keys, String lastEventId) {
        EventLog.Replay replay = log.replay(keys, lastEventId);
        if (!replay.isKnown()) {
            LOG.log(System.Logger.Level.DEBUG, "unknown or expired Last-Event-ID ({0} chars)", lastEventId.length());
            return reset(UNKNOWN_ID);
        }
        List<Missed> missed = replay.events().stream().map(Missed::new).toList();
        long bytes = missed.stream().mapToLong(m -> m.frame().length).sum();
        if (stream instanceof OutboundStream out && !out.canQueue(missed.size(), bytes)) {
            // Queued whole, the backlog would cut the client off as a slow consumer, and it
            // would come back with the same id forever.
            LOG.log(System.Logger.Level.DEBUG, "{0} missed events exceed the stream''s queue", missed.size());
            return reset(TOO_MANY_MISSED);
        }
        counters.replayed();
        return missed;
    }

    private List<Missed> reset(String reason) {
        counters.reset();
        SseEvent.Builder reset = SseEvent.builder().event(resetEvent).data(reason);
        log.lastId().ifPresent(reset::id);
        return List.of(new Missed(reset.build()));
    }

    /** Removes {@code stream} from every channel; done by itself when the stream closes. */
    public void unsubscribe(EventStream stream) {
        lock.lock();
        try {
            Set<String> keys = keysByStream.remove(stream);
            if (keys == null) {
                return;
            }
            for (String key : keys) {
                EventStream[] shrunk = Arrays.stream(streamsByKey.getOrDefault(key, NONE))
                        .filter(s -> s != stream).toArray(EventStream[]::new);
                if (shrunk.length == 0) {
                    streamsByKey.remove(key);
                } else {
                    streamsByKey.put(key, shrunk);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Logs {@code event} under a new id and queues it on every subscriber of {@code channel}.
     * An id already set on the event is replaced by the log's.
     *
     * @throws IllegalStateException when this broadcaster is closed
     */
    public PublishResult publish(String channel, SseEvent event) {
        return publishTo(checkChannel(channel), Objects.requireNonNull(event, "event"));
    }

    /** Like {@link #publish}, to the streams subscribed for {@code user}. */
    public PublishResult publishToUser(String user, SseEvent event) {
        return publishTo(userKey(user), Objects.requireNonNull(event, "event"));
    }

    private PublishResult publishTo(String key, SseEvent event) {
        String id;
        EventStream[] targets;
        int accepted = 0;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("broadcaster is closed: the event was not published");
            }
            id = log.append(key, event);
            SseEvent logged = event.withId(id);
            byte[] frame = EventEncoder.encode(logged);
            counters.published();
            targets = streamsByKey.getOrDefault(key, NONE);
            for (EventStream s : targets) {
                if (offer(s, frame, logged)) {
                    accepted++;
                }
            }
        } finally {
            lock.unlock();
        }
        for (EventStream s : targets) {
            wake(s);
        }
        return new PublishResult(id, accepted);
    }

    /** Queues the encoded event on an ssekit stream; any other stream gets it through send. */
    private static boolean offer(EventStream stream, byte[] frame, SseEvent event) {
        if (stream instanceof OutboundStream out) {
            return out.enqueue(frame, null);
        }
        stream.send(event);
        return stream.isOpen();
    }

    private static void wake(EventStream stream) {
        if (stream instanceof OutboundStream out) {
            out.drain();
        }
    }

    /** Streams subscribed to {@code channel} now. */
    public int subscribers(String channel) {
        lock.lock();
        try {
            return streamsByKey.getOrDefault(checkChannel(channel), NONE).length;
        } finally {
            lock.unlock();
        }
    }

    /** Streams subscribed to any channel now. */
    public int subscribers() {
        lock.lock();
        try {
            return keysByStream.size();
        } finally {
            lock.unlock();
        }
    }

    /** The figures of this broadcaster (shared with the endpoint given to {@link Builder#metrics}). */
    public SseMetrics metrics() {
        return counters;
    }

    /**
     * Stops publishing and closes every subscribed stream after the events already queued, so
     * clients reconnect (elsewhere) and resume. Later publishes fail with IllegalStateException.
     */
    @Override
    public void close() {
        List<EventStream> streams;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            streams = new ArrayList<>(keysByStream.keySet());
            keysByStream.clear();
            streamsByKey.clear();
        } finally {
            lock.unlock();
        }
        streams.forEach(EventStream::close);
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
        return keys;
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
        return USER_PREFIX + user;
    }

    /**
     * Builds a {@link Broadcaster}.
     *
     * <p>Thread safety: a builder is not thread-safe; use it from one thread.
     */
    public static final class Builder {
        private EventLog log;
        private String resetEvent = "reset";
        private Counters counters;

        private Builder() {
        }

        /** Where ids come from and history is kept; default {@link EventLog#inMemory()}. */
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

        public Broadcaster build() {
            SseEvent.builder().event(resetEvent); // validates the name
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
