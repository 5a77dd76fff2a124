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
package org.ssekit.example;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.ssekit.EventLog;
import org.ssekit.SseMetrics;
import org.ssekit.micrometer.SseMeterBinder;

/**
 * ssekit's Micrometer meters for the dashboard: bound to a registry of their own and read
 * back under their Prometheus names, as a scrape would show them. Loaded only when Micrometer
 * is in the WAR ({@code ExampleApp.micrometerPresent()}).
 */
final class DashboardMeters implements AutoCloseable {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SseMeterBinder binder;

    DashboardMeters(SseMetrics metrics, EventLog log) {
        binder = SseMeterBinder.builder(metrics).eventLog(log).build();
        binder.bindTo(registry);
    }

    /** Keys and values, for {@link Json#object}: each meter under its Prometheus name. */
    List<Object> figures() {
        List<Object> f = new ArrayList<>();
        gauge(f, "ssekit.streams.open", "ssekit_streams_open");
        counter(f, "ssekit.events.published", "ssekit_events_published_total");
        counter(f, "ssekit.events.delivered", "ssekit_events_delivered_total");
        counter(f, "ssekit.slow.consumers.disconnected", "ssekit_slow_consumers_disconnected_total");
        counter(f, "ssekit.replays", "ssekit_replays_total");
        counter(f, "ssekit.resets", "ssekit_resets_total");
        gauge(f, "ssekit.queue.frames", "ssekit_queue_frames");
        var latency = registry.get("ssekit.flush.latency").timer();
        f.add("ssekit_flush_latency_seconds_count");
        f.add(latency.count());
        f.add("ssekit_flush_latency_seconds_sum");
        f.add(latency.totalTime(TimeUnit.SECONDS));
        f.add("ssekit_flush_latency_seconds_max");
        f.add(latency.max(TimeUnit.SECONDS));
        gauge(f, "ssekit.eventlog.connected", "ssekit_eventlog_connected");
        return f;
    }

    private void gauge(List<Object> f, String meter, String prometheus) {
        Gauge g = registry.get(meter).gauge();
        f.add(prometheus);
        f.add(Math.round(g.value()));
    }

    private void counter(List<Object> f, String meter, String prometheus) {
        f.add(prometheus);
        f.add(Math.round(registry.get(meter).functionCounter().count()));
    }

    @Override
    public void close() {
        binder.close();
        registry.close();
    }
}
