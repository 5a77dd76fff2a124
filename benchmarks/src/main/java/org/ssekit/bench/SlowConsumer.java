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
 * Slow consumer: one subscriber (with a 4 KiB receive buffer) stops reading; the others'
 * latency and the server's heap should stay bounded.
 */
final class SlowConsumer implements Scenario {
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration BLOCKED_AFTER = Duration.ofSeconds(15);

    @Override
    public String name() {
        return "slow";
    }

    @Override
    public List<Integer> params(BenchConfig config) {
        return List.of(config.slowSubscribers());
    }

    @Override
    public void measure(BenchConfig config, int subs, ServerProcess server, LoadFleet fleet, Recorder out)
            throws Exception {
        if (!Connections.open(server, fleet, subs, true, out)) {
            return;
        }
        double rate = config.slowRate();
        int payload = config.slowPayloadBytes();
        server.publish((int) rate, rate, payload, Duration.ofSeconds(30)); // warm-up
        Connections.settle(fleet);
        ServerProcess.Stats base = server.gcStats();
        fleet.pauseOne();
        fleet.reset();
        int count = (int) (rate * config.slowDuration().toMillis() / 1000);
        long took = server.publish(count, rate, payload, config.slowDuration().plus(BLOCKED_AFTER));
        long expected = (long) count * (subs - 1);
        LoadFleet.Stats got = fleet.awaitEvents(expected, GRACE);
        out.put("others_p99", "ms", got.latency().quantile(0.99) / 1000.0);
        out.put("others_delivered", "%", 100.0 * got.events() / Math.max(1, expected));
        out.put("publisher_blocked", "0/1", took < 0 ? 1 : 0);
        if (took < 0) {
            out.note("publisher blocked on the stalled client for over " + BLOCKED_AFTER.toSeconds() + " s");
            return;
        }
        ServerProcess.Stats after = server.gcStats();
        out.put("heap_growth", "MiB", (after.heapAfterGc() - base.heapAfterGc()) / 1048576.0);
        out.put("slow_dropped", "0/1", after.connections() < subs ? 1 : 0);
    }
}
