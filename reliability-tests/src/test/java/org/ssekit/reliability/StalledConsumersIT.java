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
package org.ssekit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;

/**
 * Clients that stop reading (SO_RCVBUF 4 KiB, never read a byte) beside healthy ones, on the
 * servlet binding in Jetty: the healthy ones' p99 stays within noise of a run without them,
 * the heap they cost is bounded by the queue caps, and every one of them is cut: by the queue
 * cap (maxQueuedEvents) or by the write-stall timeout, within the bound README states.
 */
class StalledConsumersIT {
    private static final int STALLED = Heap.intProp("stall.clients", 200);
    private static final int HEALTHY = 10;
    private static final int RATE = 100;
    private static final int EVENT_BYTES = 512;
    private static final String PAD = "x".repeat(EVENT_BYTES);
    private static final int MAX_QUEUED = 1000;

    @Test
    void healthyP99UnchangedAndHeapBoundedByTheQueueCapsBesideStalledClients() throws Exception {
        SseConfig config = SseConfig.builder().heartbeat(Duration.ofSeconds(1))
                .writeStallTimeout(Duration.ofSeconds(120)).maxQueuedEvents(MAX_QUEUED).build();
        // SO_SNDBUF 64 KiB, so the kernel takes at most ~130 KiB and the rest waits in ssekit's queue.
        try (Target target = Target.servletOnJetty(config, 64 * 1024)) {
            // Fill the in-memory log (10,000 events) first, so its size is the same in both heap samples.
            for (int i = 0; i < 10_000; i++) {
                target.publish("warm", SseEvent.of(System.nanoTime() + " " + PAD));
            }
            try (Latencies healthy = new Latencies(target, "live", HEALTHY)) {
                awaitOpen(target, HEALTHY);
                publish(target, 200);  // warm-up
                long warm = System.currentTimeMillis() + 20_000;
                while (healthy.events.get() < 200L * HEALTHY && System.currentTimeMillis() < warm) {
                    Thread.sleep(10);
                }
                healthy.clear();
                double p99Before = phase(target, healthy, 600);
                long heapBefore = Heap.afterGc();
                List<SseSocketClient> stalled = connectStalled(target, STALLED);
                try {
                    awaitOpen(target, HEALTHY + STALLED);
                    // While the stalled sockets' kernel buffers fill (~130 KiB each), then steady.
                    double p99Filling = phase(target, healthy, 300);
                    double p99With = phase(target, healthy, 400);
                    long heapWith = Heap.afterGc();
                    int openWith = target.openStreams();
                    double perClient = (double) (heapWith - heapBefore) / STALLED;
                    // Past the cap (1000 queued events) each stalled stream is cut.
                    long t0 = System.nanoTime();
                    publish(target, MAX_QUEUED);
                    awaitOpen(target, HEALTHY);
                    double cutSeconds = target.closedAtNanos.entrySet().stream().filter(e -> e.getKey().startsWith("s"))
                            .mapToLong(e -> e.getValue() - t0).max().orElse(-1) / 1e9;
                    double p99After = phase(target, healthy, 600);
                    Heap.report(String.format("stalled (servlet on Jetty 12, SO_SNDBUF 64 KiB): %d healthy + %d stalled (SO_RCVBUF 4 KiB, never read),"
                            + " %d-byte events at %d/s: healthy p99 %.1f ms without, %.1f ms while the stalled buffers fill,"
                            + " %.1f ms with them stalled, %.1f ms after the cut;"
                            + " heap after GC +%d bytes = %.0f bytes per stalled client after 700 events (open with: %d);"
                            + " queue-cap cut of all stalled %.1f s after the 701st event (maxQueuedEvents=%d); %s",
                            HEALTHY, STALLED, EVENT_BYTES, RATE, p99Before, p99Filling, p99With, p99After, heapWith - heapBefore,
                            perClient, openWith, cutSeconds, MAX_QUEUED, Heap.load()));
                    assertThat(openWith).as("stalled streams still open while under the cap").isEqualTo(HEALTHY + STALLED);
                    double noise = Math.max(p99Before, p99After);
                    assertThat(p99With).as("healthy p99 with stalled clients, ms").isLessThanOrEqualTo(3 * noise + 50);
                    // The queues share each event's encoded bytes: a stalled client costs its queue
                    // entries and connection, far below maxQueuedBytes (1 MiB) each.
                    assertThat(perClient).as("heap bytes per stalled client").isLessThan(256 * 1024);
                    assertThat(healthy.errors.get()).as("healthy clients cut").isZero();
                } finally {
                    stalled.forEach(SseSocketClient::close);
                }
            }
            awaitOpen(target, 0);
        }
    }

    @Test
    void everyStalledClientIsCutWithinTheWriteStallTimeout() throws Exception {
        Duration stall = Duration.ofSeconds(2);
        SseConfig config = SseConfig.builder().heartbeat(Duration.ofSeconds(1)).writeStallTimeout(stall).build();
        // SO_SNDBUF 64 KiB: the kernel then holds at most 128 KiB (it doubles the value) instead of
        // autotuning up to 4 MiB, which would let a stalled client absorb about 80 s of this stream
        // before any write stalls (README).
        int sendBuffer = 64 * 1024;
        try (Target target = Target.servletOnJetty(config, sendBuffer)) {
            List<SseSocketClient> stalled = connectStalled(target, STALLED);
            try {
                awaitOpen(target, STALLED);
                long first = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                // Publish until every stalled stream is cut (or 30 s): far below the queue cap per second.
                long t0 = System.nanoTime();
                long seq = 0;
                while (target.openStreams() > 0 && System.nanoTime() < deadline) {
                    long due = t0 + seq * 1_000_000_000L / RATE;
                    if (due > System.nanoTime()) {
                        LockSupport.parkNanos(due - System.nanoTime());
                        continue;
                    }
                    if (seq == 0) {
                        first = System.nanoTime();
                    }
                    target.publish("live", SseEvent.of(System.nanoTime() + " " + PAD));
                    seq++;
                }
                List<Double> cuts = new ArrayList<>();
                for (int i = 0; i < STALLED; i++) {
                    Long at = target.closedAtNanos.get("s" + i);
                    if (at != null) {
                        cuts.add((at - first) / 1e9);
                    }
                }
                cuts.sort(null);
                // The bound README states: the kernel buffers fill ((2 x SO_SNDBUF + the client's
                // SO_RCVBUF) / the stream's byte rate), then the stall timeout, then one tick (a quarter
                // of min(heartbeat, stall timeout)); plus 2 s for scheduling on a loaded machine.
                double fill = (2.0 * sendBuffer + 4096) / (RATE * (EVENT_BYTES + 40.0));
                double bound = fill + stall.toMillis() / 1000.0 + 0.25 + 2.0;
                Heap.report(String.format("stalled (servlet on Jetty 12): %d stalled, writeStallTimeout %d s, %d-byte events at %d/s"
                        + " (%d published), SO_SNDBUF %d: cut %d of %d, from the first event: min %.2f s, median %.2f s, max %.2f s; %s",
                        STALLED, stall.toSeconds(), EVENT_BYTES, RATE, seq, sendBuffer, cuts.size(), STALLED,
                        cuts.isEmpty() ? -1 : cuts.get(0), cuts.isEmpty() ? -1 : cuts.get(cuts.size() / 2),
                        cuts.isEmpty() ? -1 : cuts.get(cuts.size() - 1), Heap.load()));
                assertThat(cuts).as("stalled clients cut").hasSize(STALLED);
                assertThat(seq).as("events published before the last cut: the queue cap was not what cut them").isLessThan(MAX_QUEUED);
                assertThat(cuts.get(cuts.size() - 1)).as("seconds from the first event to the last cut (bound %.2f s)", bound).isLessThan(bound);
                assertThat(target.openStreams()).isZero();
            } finally {
                stalled.forEach(SseSocketClient::close);
            }
        }
    }

    private static List<SseSocketClient> connectStalled(Target target, int n) throws IOException {
        List<SseSocketClient> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(SseSocketClient.connect("127.0.0.1", target.port(), "/events?channel=live&client=s" + i, null, 4096));
        }
        return list;
    }

    /** Publishes {@code count} paced events with the healthy ones recording; returns their p99 in ms. */
    private static double phase(Target target, Latencies healthy, int count) throws InterruptedException {
        long before = healthy.events.get();
        healthy.record(true);
        publish(target, count);
        long deadline = System.currentTimeMillis() + 20_000;
        while (healthy.events.get() < before + (long) count * HEALTHY && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        healthy.record(false);
        assertThat(healthy.events.get() - before).as("events the healthy clients got").isEqualTo((long) count * HEALTHY);
        return healthy.percentileMillisAndClear(99);
    }

    /** Publishes {@code count} events, RATE per second. */
    private static void publish(Target target, int count) {
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = t0 + (long) i * 1_000_000_000L / RATE;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            target.publish("live", SseEvent.of(System.nanoTime() + " " + PAD));
        }
    }

    static void awaitOpen(Target target, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (target.openStreams() != n && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(target.openStreams()).as("open streams").isEqualTo(n);
    }
}
