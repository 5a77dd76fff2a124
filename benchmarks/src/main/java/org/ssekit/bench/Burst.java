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
package org.ssekit.bench;

import java.time.Duration;
import java.util.List;

/**
 * Burst: far more than any stack sustains (2,000 events/s to 1,000 subscribers for 2 s in full
 * mode, 2 million deliveries/s offered), so events arrive faster than the sockets drain and a
 * stack that coalesces writes several events per write. Reported per stack: delivered events/s
 * from the first publish to the last event received, publish-to-receive p50/p99, write system
 * calls of the server per delivered event, the share delivered, how long the publisher took,
 * and connections lost. Waits for the clients until all arrived, the drain limit passed, or
 * nothing arrived for {@link #STALLED} (bounded in both modes).
 */
final class Burst implements Scenario {
    private static final Duration STALLED = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(20);

    @Override
    public String name() {
        return "burst";
    }

    @Override
    public int runs(BenchConfig config) {
        return config.runs();
    }

    @Override
    public List<Integer> params(BenchConfig config) {
        return List.of(config.burstSubscribers());
    }

    /** The clients' figures when the wait ended, and when the last event arrived. */
    private record Drained(LoadFleet.Stats stats, long lastProgressNanos) {
    }

    @Override
    public void measure(BenchConfig config, int subs, ServerProcess server, LoadFleet fleet, Recorder out)
            throws Exception {
        if (!Connections.open(server, fleet, subs, false, out)) {
            return;
        }
        double rate = config.burstRate();
        int count = Math.max(1, (int) Math.round(rate * config.burstLength().toMillis() / 1000.0));
        // Bounded: a publisher that writes every socket itself may take far longer than the burst.
        Duration publishLimit = config.burstLength().multipliedBy(3).plus(config.burstDrain());
        // Warm-up (JIT, pools, queue rings): a tenth of the burst at the same rate, then let it drain.
        if (server.publish(Math.max(1, count / 10), rate, config.payloadBytes(), publishLimit) < 0) {
            out.note("publisher blocked in the warm-up burst");
            return;
        }
        Connections.settle(fleet);
        fleet.reset();
        ServerProcess.Stats before = server.stats();
        long writes0 = server.writeSyscalls();
        long start = System.nanoTime();
        long took = server.publish(count, rate, config.payloadBytes(), publishLimit);
        long expected = (long) count * subs;
        Drained d = drain(fleet, expected, start, config.burstDrain());
        long writes1 = server.writeSyscalls();
        LoadFleet.Stats got = d.stats();
        double seconds = (d.lastProgressNanos() - start) / 1e9;
        out.put("events_per_s", "events/s", got.events() / Math.max(1e-3, seconds));
        out.put("p50", "ms", got.latency().quantile(0.50) / 1000.0);
        out.put("p99", "ms", got.latency().quantile(0.99) / 1000.0);
        out.put("writes_per_event", "writes", ProcIo.perEvent(writes0, writes1, got.events()));
        out.put("delivered", "%", 100.0 * got.events() / expected);
        out.put("lost_connections", "streams", subs - got.open());
        if (took < 0) {
            out.put("publisher_blocked", "0/1", 1);
            out.note("publisher still blocked " + publishLimit.toSeconds() + " s after the burst began");
            return;
        }
        out.put("publisher_blocked", "0/1", 0);
        out.put("publish_time", "ms", took / 1e6);
        ServerProcess.Stats after = server.stats();
        out.put("cpu_per_event", "ns", (double) (after.cpuNanos() - before.cpuNanos()) / Math.max(1, got.events()));
        if (after.publishFailures() > before.publishFailures()) {
            out.note((after.publishFailures() - before.publishFailures()) + " publishes failed");
        }
    }

    /**
     * Polls the clients until {@code expected} events arrived, {@code limit} passed since the
     * wait began, or nothing arrived for {@link #STALLED}.
     */
    private static Drained drain(LoadFleet fleet, long expected, long start, Duration limit) throws Exception {
        long now = System.nanoTime();
        long end = now + limit.toNanos();
        LoadFleet.Stats s = fleet.stats();
        long lastCount = s.events();
        long lastProgress = lastCount > 0 ? now : start;
        while (s.events() < expected && now < end && now - lastProgress < STALLED.toNanos()) {
            Thread.sleep(POLL.toMillis());
            s = fleet.stats();
            now = System.nanoTime();
            if (s.events() > lastCount) {
                lastCount = s.events();
                lastProgress = now;
            }
        }
        return new Drained(s, lastProgress);
    }
}
