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

/** Latency: publish-to-receive percentiles at a fixed rate that every stack sustains. */
final class Latency implements Scenario {
    private static final Duration GRACE = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public int runs(BenchConfig config) {
        return config.runs();
    }

    @Override
    public boolean appliesTo(String stack) {
        return true; // ssekit-redis too: the same figures through the Redis log, beside the in-memory one
    }

    @Override
    public List<Integer> params(BenchConfig config) {
        return List.of(config.latencySubscribers());
    }

    @Override
    public void measure(BenchConfig config, int subs, ServerProcess server, LoadFleet fleet, Recorder out)
            throws Exception {
        if (!Connections.open(server, fleet, subs, false, out)) {
            return;
        }
        double rate = config.latencyRate();
        server.publish((int) rate, rate, config.payloadBytes(), Duration.ofSeconds(30)); // warm-up
        Connections.settle(fleet);
        fleet.reset();
        long writes0 = server.writeSyscalls();
        int count = (int) (rate * config.latencyDuration().toMillis() / 1000);
        Duration limit = config.latencyDuration().multipliedBy(3).plusSeconds(10);
        if (server.publish(count, rate, config.payloadBytes(), limit) < 0) {
            out.note("publisher blocked");
            return;
        }
        long expected = (long) count * subs;
        LoadFleet.Stats got = fleet.awaitEvents(expected, GRACE);
        long writes1 = server.writeSyscalls();
        out.put("p50", "ms", got.latency().quantile(0.50) / 1000.0);
        out.put("p99", "ms", got.latency().quantile(0.99) / 1000.0);
        out.put("p99.9", "ms", got.latency().quantile(0.999) / 1000.0);
        out.put("lost_events", "events", expected - got.events());
        out.put("writes_per_event", "writes", ProcIo.perEvent(writes0, writes1, got.events()));
    }
}
