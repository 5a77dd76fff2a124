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
package org.ssekit.micrometer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.ssekit.EventLog;
import org.ssekit.SseMetrics;
import org.ssekit.internal.Counters;

/**
 * Binds the figures of one ssekit endpoint ({@link SseMetrics}, and optionally its
 * {@link EventLog}) to a Micrometer {@link MeterRegistry}. The JMX MBean stays; this adds the
 * same figures, plus queue depth and publish-to-flush latency, where a Prometheus or OTLP
 * scrape finds them:
 * <pre>
 * SseMeterBinder.builder(streams.metrics())     // or SseKitFeature.metrics()
 *         .eventLog(broadcaster.eventLog())
 *         .tag("endpoint", "news")
 *         .build()
 *         .bindTo(registry);
 * </pre>
 * The meters, with their Prometheus names:
 * <pre>
 * ssekit.streams.open                 gauge    ssekit_streams_open
 * ssekit.events.published             counter  ssekit_events_published_total
 * ssekit.events.delivered             counter  ssekit_events_delivered_total
 * ssekit.slow.consumers.disconnected  counter  ssekit_slow_consumers_disconnected_total
 * ssekit.replays                      counter  ssekit_replays_total
 * ssekit.resets                       counter  ssekit_resets_total
 * ssekit.queue.frames                 gauge    ssekit_queue_frames
 * ssekit.flush.latency                timer    ssekit_flush_latency_seconds_{count,sum,max}
 * ssekit.eventlog.connected           gauge    ssekit_eventlog_connected  (1 or 0)
 * </pre>
 * The gauges and counters read the endpoint's counters at scrape time (no walk over streams);
 * the timer is fed by the writer threads once per flushed batch that holds an event, with the
 * age of the batch's oldest frame, so it costs nothing per subscriber per event.
 *
 * <p>Thread safety: a binder may be bound to several registries, from any thread; {@link #close}
 * stops feeding the timers (the meters stay in their registries until removed there).
 */
public final class SseMeterBinder implements MeterBinder, AutoCloseable {
    private final SseMetrics metrics;
    private final Counters counters;
    private final EventLog eventLog;
    private final Tags tags;
    private final List<AutoCloseable> feeds = new ArrayList<>(); // guarded by this

    private SseMeterBinder(Builder b) {
        this.metrics = b.metrics;
        this.counters = b.metrics instanceof Counters c ? c : null;
        this.eventLog = b.eventLog;
        this.tags = b.tags;
    }

    /**
     * A builder for the figures {@code metrics}: {@code SseStreams.metrics()},
     * {@code SseKitFeature.metrics()} or {@code Broadcaster.metrics()}. Flush latency is bound
     * only for the figures of an ssekit endpoint (the others have no writer to feed it).
     */
    public static Builder builder(SseMetrics metrics) {
        return new Builder(Objects.requireNonNull(metrics, "metrics"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        SseMetrics m = metrics;
        Gauge.builder("ssekit.streams.open", m, SseMetrics::getOpenStreams)
                .description("Event streams open now").tags(tags).strongReference(true).register(registry);
        counter(registry, "ssekit.events.published", "Events published through a broadcaster",
                SseMetrics::getEventsPublished);
        counter(registry, "ssekit.events.delivered", "Events flushed to a client, counted per client",
                SseMetrics::getEventsDelivered);
        counter(registry, "ssekit.slow.consumers.disconnected",
                "Streams closed because their queue was full or their writes stalled",
                SseMetrics::getSlowConsumersDisconnected);
        counter(registry, "ssekit.replays", "Reconnects sent the events they missed", SseMetrics::getReplays);
        counter(registry, "ssekit.resets", "Reconnects sent the reset event", SseMetrics::getResets);
        Gauge.builder("ssekit.queue.frames", m, SseMetrics::getQueuedFrames)
                .description("Frames queued on open streams, not yet flushed").tags(tags)
                .strongReference(true).register(registry);
        if (eventLog != null) {
            Gauge.builder("ssekit.eventlog.connected", eventLog, l -> l.isConnected() ? 1 : 0)
                    .description("1 when the event log reaches its store, else 0").tags(tags)
                    .strongReference(true).register(registry);
        } else {
            Gauge.builder("ssekit.eventlog.connected", m, f -> f.isEventLogConnected() ? 1 : 0)
                    .description("1 when the event logs of the broadcasters counting here reach their stores, else 0")
                    .tags(tags).strongReference(true).register(registry);
        }
        if (counters != null) {
            Timer latency = Timer.builder("ssekit.flush.latency")
                    .description("Age of the oldest frame of each flushed batch: from queued to flushed")
                    .tags(tags).register(registry);
            AutoCloseable feed = counters.onFlush(nanos -> latency.record(nanos, TimeUnit.NANOSECONDS));
            synchronized (this) {
                feeds.add(feed);
            }
        }
    }

    private void counter(MeterRegistry registry, String name, String description,
            java.util.function.ToDoubleFunction<SseMetrics> f) {
        FunctionCounter.builder(name, metrics, f).description(description).tags(tags).register(registry);
    }

    /** Stops feeding the latency timers of every registry this binder was bound to. */
    @Override
    public void close() {
        List<AutoCloseable> all;
        synchronized (this) {
            all = List.copyOf(feeds);
            feeds.clear();
        }
        for (AutoCloseable feed : all) {
            try {
                feed.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot detach the flush latency feed", e);
            }
        }
    }

    /**
     * Builds a {@link SseMeterBinder}.
     *
     * <p>Thread safety: a builder is not thread-safe; use it from one thread.
     */
    public static final class Builder {
        private final SseMetrics metrics;
        private EventLog eventLog;
        private Tags tags = Tags.empty();

        private Builder(SseMetrics metrics) {
            this.metrics = metrics;
        }

        /**
         * Bases the {@code ssekit.eventlog.connected} gauge on {@code log} alone; without it, the
         * gauge reads {@link SseMetrics#isEventLogConnected()}: the logs of every broadcaster
         * that counts into these figures.
         */
        public Builder eventLog(EventLog log) {
            this.eventLog = Objects.requireNonNull(log, "eventLog");
            return this;
        }

        /** A tag on every meter, such as {@code endpoint=news} to tell endpoints apart. */
        public Builder tag(String key, String value) {
            Objects.requireNonNull(key, "tag key");
            Objects.requireNonNull(value, "tag value");
            if (key.isBlank()) {
                throw new IllegalArgumentException("tag key must not be blank");
            }
            this.tags = tags.and(Tag.of(key, value));
            return this;
        }

        public SseMeterBinder build() {
            return new SseMeterBinder(this);
        }
    }
}
