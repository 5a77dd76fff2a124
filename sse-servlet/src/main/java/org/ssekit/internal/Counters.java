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

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.ssekit.EventLog;
import org.ssekit.SseMetrics;

/** The counters behind {@link SseMetrics}; cheap to bump from any thread. */
public final class Counters implements SseMetrics {
    private final LongAdder open = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder slowConsumers = new LongAdder();
    private final LongAdder replays = new LongAdder();
    private final LongAdder resets = new LongAdder();
    /**
     * The queued-frames gauge, read from the streams themselves when asked (a scrape), so that
     * queueing and retiring a frame bump no counter here; the endpoint that owns the streams
     * sets it ({@link #queuedFramesFrom}).
     */
    private volatile LongSupplier queuedFrames = () -> 0;
    /** The logs of the open broadcasters counting here: few, added and removed rarely. */
    private final List<EventLog> logs = new CopyOnWriteArrayList<>();
    private static final LongConsumer[] NO_LISTENERS = new LongConsumer[0];
    /** Replaced, never changed in place: the writer iterates it without locking or allocating. */
    private volatile LongConsumer[] flushListeners = NO_LISTENERS;

    void opened() {
        open.increment();
    }

    void closed() {
        open.decrement();
    }

    public void published() {
        published.increment();
    }

    void slowConsumer() {
        slowConsumers.increment();
    }

    public void replayed() {
        replays.increment();
    }

    public void reset() {
        resets.increment();
    }

    /** A flushed batch left a stream's queue; {@code events} of its frames were events. */
    void delivered(int events) {
        delivered.add(events);
    }

    /** Where {@link #getQueuedFrames()} reads from: the owner of the streams that count here. */
    void queuedFramesFrom(LongSupplier source) {
        queuedFrames = Objects.requireNonNull(source, "source");
    }

    /**
     * A batch holding at least one event was flushed; {@code nanos} is the age of its oldest
     * frame. Called on writer threads, once per batch: allocates nothing.
     */
    void flushed(long nanos) {
        for (LongConsumer listener : flushListeners) {
            listener.accept(nanos);
        }
    }

    /** Whether a flush listener is registered: the writers time their batches only then. */
    boolean timesFlushes() {
        return flushListeners.length > 0;
    }

    /**
     * Calls {@code listener} with the age, in nanoseconds, of the oldest frame of every flushed
     * batch that holds an event (from the moment it was queued, or the queue became non-empty,
     * to the end of its flush), on the writer thread: keep it short and non-blocking. Batches
     * queued before the first listener was added are not timed, so not reported. Closing the
     * returned handle removes it.
     */
    public AutoCloseable onFlush(LongConsumer listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (this) {
            LongConsumer[] grown = Arrays.copyOf(flushListeners, flushListeners.length + 1);
            grown[grown.length - 1] = listener;
            flushListeners = grown;
        }
        return () -> {
            synchronized (this) {
                flushListeners = Arrays.stream(flushListeners).filter(l -> l != listener)
                        .toArray(LongConsumer[]::new);
            }
        };
    }

    /** A broadcaster that counts here opened on {@code log}. */
    public void attach(EventLog log) {
        logs.add(log);
    }

    /** That broadcaster closed. */
    public void detach(EventLog log) {
        logs.remove(log);
    }

    @Override
    public boolean isEventLogConnected() {
        for (EventLog log : logs) {
            if (!log.isConnected()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long getQueuedFrames() {
        return queuedFrames.getAsLong();
    }

    @Override
    public long getOpenStreams() {
        return open.sum();
    }

    @Override
    public long getEventsPublished() {
        return published.sum();
    }

    @Override
    public long getEventsDelivered() {
        return delivered.sum();
    }

    @Override
    public long getSlowConsumersDisconnected() {
        return slowConsumers.sum();
    }

    @Override
    public long getReplays() {
        return replays.sum();
    }

    @Override
    public long getResets() {
        return resets.sum();
    }
}
