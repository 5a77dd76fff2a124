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
package org.ssekit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ssekit.Broadcaster;
import org.ssekit.SseEvent;
import org.ssekit.micrometer.SseMeterBinder;

/**
 * The Micrometer binder on real streams through the SseFilter on embedded Jetty: each
 * Prometheus name of README's table, with the value the streams and publishes made.
 */
class MicrometerIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestServer server;
    private SseMeterBinder binder;

    @AfterEach
    void stop() throws Exception {
        if (binder != null) {
            binder.close();
        }
        server.close();
    }

    private PrometheusMeterRegistry bind(Broadcaster broadcaster) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        binder = SseMeterBinder.builder(broadcaster.metrics()).eventLog(broadcaster.eventLog())
                .tag("endpoint", "events").build();
        binder.bindTo(registry);
        return registry;
    }

    /** The samples of a Prometheus scrape, by "name{labels}". */
    private static Map<String, Double> scrape(PrometheusMeterRegistry registry) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : registry.scrape().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    private static double sample(PrometheusMeterRegistry registry, String name) {
        Double v = scrape(registry).get(name + "{endpoint=\"events\"}");
        assertThat(v).as("%s in the scrape:%n%s", name, registry.scrape()).isNotNull();
        return v;
    }

    private static void await(PrometheusMeterRegistry registry, String name, Predicate<Double> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(sample(registry, name))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " is " + sample(registry, name) + " after " + WAIT);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void prometheusNamesCountStreamsPublishesDeliveriesReplaysResetsAndLatency() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0");
        Broadcaster broadcaster = FilterServer.broadcaster(server);
        PrometheusMeterRegistry registry = bind(broadcaster);
        String firstId;
        try (RawClient a = RawClient.get(server.port(), "/events?channel=c");
                RawClient b = RawClient.get(server.port(), "/events?channel=c")) {
            a.readUntil(":\n", WAIT);
            b.readUntil(":\n", WAIT);
            await(registry, "ssekit_streams_open", v -> v == 2);
            for (int i = 0; i < 3; i++) {
                broadcaster.publish("c", SseEvent.of("e" + i)).toCompletableFuture().join();
            }
            a.readUntil("data: e2\n\n", WAIT);
            b.readUntil("data: e2\n\n", WAIT);
            firstId = a.events().get(0).lastEventId();
            assertThat(sample(registry, "ssekit_events_published_total")).isEqualTo(3);
            await(registry, "ssekit_events_delivered_total", v -> v == 6);
            await(registry, "ssekit_queue_frames", v -> v == 0);
            // Once per flushed batch holding an event: at least one per client, at most one per event.
            double batches = sample(registry, "ssekit_flush_latency_seconds_count");
            assertThat(batches).isBetween(2.0, 6.0);
            assertThat(sample(registry, "ssekit_flush_latency_seconds_sum")).isPositive().isLessThan(WAIT.toSeconds());
            assertThat(sample(registry, "ssekit_flush_latency_seconds_max")).isPositive();
            assertThat(sample(registry, "ssekit_eventlog_connected")).isEqualTo(1);
        }
        try (RawClient resumed = RawClient.get(server.port(), "/events?channel=c", "Last-Event-ID: " + firstId)) {
            resumed.readUntil("data: e2\n\n", WAIT);
        }
        assertThat(sample(registry, "ssekit_replays_total")).isEqualTo(1);
        try (RawClient reset = RawClient.get(server.port(), "/events?channel=c", "Last-Event-ID: nobody-knows-this-id")) {
            reset.readUntil("event: reset\n", WAIT);
        }
        assertThat(sample(registry, "ssekit_resets_total")).isEqualTo(1);
        assertThat(sample(registry, "ssekit_slow_consumers_disconnected_total")).isZero();
    }

    @Test
    void queueFramesRiseForAStalledClientAndFallWhenItIsCutAsASlowConsumer() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0", "maxQueuedEvents", "32", "maxQueuedBytes", "4194304");
        Broadcaster broadcaster = FilterServer.broadcaster(server);
        PrometheusMeterRegistry registry = bind(broadcaster);
        String payload = "x".repeat(16 * 1024);
        try (Socket stalled = RawClient.stalled(server.port(), "/events?channel=c", 4096)) {
            await(registry, "ssekit_streams_open", v -> v == 1);
            // Until the kernel's socket buffers are full and frames stay queued (at most 32 MiB);
            // scraped only once the counter the gauge reads says so (a scrape per publish is slow).
            double queued = 0;
            for (int i = 0; i < 2000 && queued < 8; i++) {
                broadcaster.publish("c", SseEvent.of(payload)).toCompletableFuture().join();
                if (broadcaster.metrics().getQueuedFrames() >= 8) {
                    queued = sample(registry, "ssekit_queue_frames");
                }
            }
            assertThat(queued).as("frames queued on the stalled stream, scraped").isGreaterThanOrEqualTo(8);
            assertThat(broadcaster.metrics().getSlowConsumersDisconnected()).isZero();
            for (int i = 0; i < 2000 && broadcaster.metrics().getSlowConsumersDisconnected() == 0; i++) {
                broadcaster.publish("c", SseEvent.of(payload)).toCompletableFuture().join();
            }
            await(registry, "ssekit_slow_consumers_disconnected_total", v -> v == 1);
            await(registry, "ssekit_queue_frames", v -> v == 0);
            await(registry, "ssekit_streams_open", v -> v == 0);
        }
    }

    @Test
    void aSimpleRegistryGetsTheSameMetersAndTheLatencyFeedStopsOnClose() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0");
        Broadcaster broadcaster = FilterServer.broadcaster(server);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binder = SseMeterBinder.builder(broadcaster.metrics()).build();
        binder.bindTo(registry);
        try (RawClient a = RawClient.get(server.port(), "/events?channel=c")) {
            a.readUntil(":\n", WAIT);
            broadcaster.publish("c", SseEvent.of("one")).toCompletableFuture().join();
            a.readUntil("data: one\n\n", WAIT);
            assertThat(registry.get("ssekit.streams.open").gauge().value()).isEqualTo(1);
            assertThat(registry.get("ssekit.events.published").functionCounter().count()).isEqualTo(1);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (registry.get("ssekit.flush.latency").timer().count() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(registry.get("ssekit.flush.latency").timer().count()).isEqualTo(1);
            assertThat(registry.get("ssekit.eventlog.connected").gauge().value())
                    .as("no log given: the logs of the broadcasters counting here, in memory").isEqualTo(1);
            binder.close();
            broadcaster.publish("c", SseEvent.of("two")).toCompletableFuture().join();
            a.readUntil("data: two\n\n", WAIT);
            Thread.sleep(50);
            assertThat(registry.get("ssekit.flush.latency").timer().count()).as("fed no more after close").isEqualTo(1);
        }
    }
}
