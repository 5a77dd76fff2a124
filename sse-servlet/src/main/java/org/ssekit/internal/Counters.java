package org.ssekit.internal;

import java.util.concurrent.atomic.LongAdder;

import org.ssekit.SseMetrics;

/** The counters behind {@link SseMetrics}; cheap to bump from any thread. */
public final class Counters implements SseMetrics {
    private final LongAdder open = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder slowConsumers = new LongAdder();
    private final LongAdder replays = new LongAdder();
    private final LongAdder resets = new LongAdder();

    void opened() {
        open.increment();
    }

    void closed() {
        open.decrement();
    }

    public void published() {
        published.increment();
    }

    void delivered(int events) {
        delivered.add(events);
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
