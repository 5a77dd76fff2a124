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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ssekit.EventLog;
import org.ssekit.EventStream;
import org.ssekit.SseEvent;

/**
 * The fan-out of one broadcaster on this node: the feed its {@link EventLog} delivers to, in id
 * order, for this node's publishes and (for a shared log) other nodes'. Each event is encoded
 * once and its frame queued on every subscribed stream; the streams' writers do the I/O.
 *
 * <p>The monitor guards the subscriber arrays and the delivered id, for a few field writes at a
 * time: never across I/O, never while queuing on streams, never while running user code. The
 * arrays are replaced, never changed in place, so a delivery iterates a snapshot unlocked.
 */
public final class FanOut implements EventLog.Feed {
    /** The key prefix of the events addressed to one user. */
    public static final String USER_PREFIX = "@user:";
    private static final Subscription[] NONE = new Subscription[0];

    private final Counters counters;
    private final Resume resume;
    private final int maxWaiting;
    // Guarded by this.
    private final Map<String, Subscription[]> byKey = new HashMap<>();
    private final Map<EventStream, Subscription> byStream = new IdentityHashMap<>();
    private final List<CompletableFuture<String>> awaitingStart = new ArrayList<>();
    private boolean started;
    private String delivered;
    private boolean closed;

    public FanOut(EventLog log, String resetEvent, int maxReplay, Counters counters) {
        this.counters = counters;
        this.resume = new Resume(log, resetEvent, maxReplay, counters);
        this.maxWaiting = maxReplay;
    }

    /**
     * Subscribes {@code stream} to {@code keys}; when it sent a Last-Event-ID, starts its replay,
     * and live events wait for it. Returns at once.
     *
     * @throws IllegalStateException when the fan-out is closed (the stream is closed too)
     */
    public void subscribe(EventStream stream, Set<String> keys) {
        String lastEventId = stream.lastEventId().orElse(null);
        Subscription sub = new Subscription(stream, keys, lastEventId != null, maxWaiting);
        CompletionStage<String> upTo;
        try {
            upTo = join(sub);
        } catch (IllegalStateException closed) {
            stream.close();
            throw closed;
        }
        stream.onClose(() -> leave(stream));
        if (lastEventId != null) {
            resume.catchUp(sub, lastEventId, upTo);
        }
    }

    @Override
    public void start(String position) {
        List<CompletableFuture<String>> waiting;
        synchronized (this) {
            started = true;
            delivered = position;
            waiting = List.copyOf(awaitingStart);
            awaitingStart.clear();
        }
        waiting.forEach(f -> f.complete(position));
    }

    @Override
    public int deliver(String channel, SseEvent event) {
        byte[] frame = EventEncoder.encode(event);
        Subscription[] targets;
        synchronized (this) {
            delivered = event.id().orElse(delivered);
            targets = byKey.getOrDefault(channel, NONE);
        }
        int accepted = 0;
        Writers.Ready ready = new Writers.Ready();
        try {
            for (Subscription s : targets) {
                if (s.offer(frame, event, ready)) {
                    accepted++;
                }
            }
        } finally {
            ready.flush(); // the streams this made ready, to their writers in a few calls, not one per stream
        }
        return accepted;
    }

    /**
     * Adds {@code sub} to the fan-out; the stage gives the id delivered up to the moment it
     * joined (null when none), once the feed has started. Every later event reaches {@code sub}.
     *
     * @throws IllegalStateException when the fan-out is closed
     */
    private CompletionStage<String> join(Subscription sub) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("broadcaster is closed");
            }
            for (String key : sub.keys) {
                Subscription[] current = byKey.getOrDefault(key, NONE);
                Subscription[] grown = Arrays.copyOf(current, current.length + 1);
                grown[current.length] = sub;
                byKey.put(key, grown);
            }
            byStream.put(sub.stream, sub);
            if (started) {
                return CompletableFuture.completedFuture(delivered);
            }
            CompletableFuture<String> later = new CompletableFuture<>();
            awaitingStart.add(later);
            return later;
        }
    }

    /** Removes {@code stream} from every key; false when it was not subscribed. */
    public synchronized boolean leave(EventStream stream) {
        Subscription sub = byStream.remove(stream);
        if (sub == null) {
            return false;
        }
        for (String key : sub.keys) {
            Subscription[] shrunk = Arrays.stream(byKey.getOrDefault(key, NONE))
                    .filter(s -> s != sub).toArray(Subscription[]::new);
            if (shrunk.length == 0) {
                byKey.remove(key);
            } else {
                byKey.put(key, shrunk);
            }
        }
        return true;
    }

    public synchronized int subscribers(String key) {
        return byKey.getOrDefault(key, NONE).length;
    }

    public synchronized int subscribers() {
        return byStream.size();
    }

    /** The streams subscribed to {@code key} now, as an immutable list (copied under the monitor, nothing else). */
    public List<EventStream> streams(String key) {
        Subscription[] subs;
        synchronized (this) {
            subs = byKey.getOrDefault(key, NONE);
        }
        // The array is never changed in place: read it unlocked.
        EventStream[] streams = new EventStream[subs.length];
        for (int i = 0; i < subs.length; i++) {
            streams[i] = subs[i].stream;
        }
        return List.of(streams);
    }

    /** The newest id delivered here, or null. */
    public synchronized String delivered() {
        return delivered;
    }

    /** Refuses later joins and returns the streams subscribed until now. */
    public synchronized List<EventStream> close() {
        closed = true;
        List<EventStream> streams = new ArrayList<>(byStream.keySet());
        byStream.clear();
        byKey.clear();
        return streams;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public Counters counters() {
        return counters;
    }
}
