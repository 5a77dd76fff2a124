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
