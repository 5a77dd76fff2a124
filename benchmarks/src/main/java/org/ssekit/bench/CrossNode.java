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

import org.ssekit.bench.server.Stacks;

/**
 * Cross-node: two nodes of the {@code ssekit-redis} stack share one Redis stream, N subscribers
 * on each, and every event is published on node A (the server the harness started). Node B's
 * subscribers get it only through Redis and B's reader: that is the cross-node path. Node A's
 * own subscribers get it through A's reader from the same stream, so "local" here is the path
 * through Redis too, not the in-memory log's; the {@code ssekit-servlet} rows of the fan-out and
 * latency scenarios are that one, from the same run.
 *
 * <p>Two phases on the same connections:
 * <ol>
 *   <li>latency: the latency scenario's rate and length, publish-to-receive percentiles on
 *       each node (counted from when each event was due, see {@code Publisher});</li>
 *   <li>throughput: {@code crossNodeBurst} events published as fast as the publisher goes;
 *       delivered events/s over both nodes, from the first publish to the last receipt, and
 *       Redis's CPU time (user + system, from {@code /proc}) per published event.</li>
 * </ol>
 * Node B's subscribers are the harness's load fleet; node A's are one load process of their own.
 */
final class CrossNode implements Scenario {
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration BURST_LIMIT = Duration.ofSeconds(120);

    @Override
    public String name() {
        return "crossnode";
    }

    @Override
    public int runs(BenchConfig config) {
        return config.runs();
    }

    @Override
    public boolean appliesTo(String stack) {
        return stack.equals(Stacks.SSEKIT_REDIS);
    }

    @Override
    public List<Integer> params(BenchConfig config) {
        return List.of(config.crossNodeSubscribers());
    }

    @Override
    public void measure(BenchConfig config, int subs, ServerProcess a, LoadFleet remote, Recorder out)
            throws Exception {
        try (ServerProcess b = a.startPeer(); LoadFleet local = new LoadFleet(1, a.logDir())) {
            if (!Connections.open(b, remote, subs, false, out) || !Connections.open(a, local, subs, false, out)) {
                return;
            }
            double rate = config.latencyRate();
            a.publish((int) rate, rate, config.payloadBytes(), Duration.ofSeconds(30)); // warm-up
            Connections.settle(remote);
            Connections.settle(local);
            if (latency(config, subs, a, remote, local, out)) {
                throughput(config, subs, a, b, remote, local, out);
            }
        }
    }

    private static boolean latency(BenchConfig config, int subs, ServerProcess a, LoadFleet remote, LoadFleet local,
                                   Recorder out) throws Exception {
        double rate = config.latencyRate();
        int count = (int) (rate * config.latencyDuration().toMillis() / 1000);
        remote.reset();
        local.reset();
        if (a.publish(count, rate, config.payloadBytes(), config.latencyDuration().multipliedBy(3).plusSeconds(10)) < 0) {
            out.note("publisher blocked");
            return false;
        }
        long expected = (long) count * subs;
        LoadFleet.Stats r = remote.awaitEvents(expected, GRACE);
        LoadFleet.Stats l = local.awaitEvents(expected, GRACE);
        out.put("p50_remote", "ms", r.latency().quantile(0.50) / 1000.0);
        out.put("p99_remote", "ms", r.latency().quantile(0.99) / 1000.0);
        out.put("p99.9_remote", "ms", r.latency().quantile(0.999) / 1000.0);
        out.put("p50_local", "ms", l.latency().quantile(0.50) / 1000.0);
        out.put("p99_local", "ms", l.latency().quantile(0.99) / 1000.0);
        out.put("lost_events", "events", 2 * expected - r.events() - l.events());
        return true;
    }

    private static void throughput(BenchConfig config, int subs, ServerProcess a, ServerProcess b, LoadFleet remote,
                                   LoadFleet local, Recorder out) throws Exception {
        int count = config.crossNodeBurst();
        long expected = (long) count * subs;
        remote.reset();
        local.reset();
        long failures0 = a.stats().publishFailures();
        long cpu0 = a.redis().cpuNanos();
        long start = System.nanoTime();
        if (a.publish(count, 0, config.payloadBytes(), BURST_LIMIT) < 0) {
            out.note("publisher blocked");
            return;
        }
        long end = System.nanoTime() + BURST_LIMIT.toNanos();
        LoadFleet.Stats r;
        LoadFleet.Stats l;
        do {
            Thread.sleep(20);
            r = remote.stats();
            l = local.stats();
        } while ((r.events() < expected || l.events() < expected) && System.nanoTime() < end);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = a.redis().cpuNanos() - cpu0;
        long delivered = r.events() + l.events();
        out.put("events_per_s", "events/s", delivered / seconds);
        out.put("redis_cpu_per_event", "us", cpu / 1000.0 / count);
        out.put("burst_lost_events", "events", 2 * expected - delivered);
        long failed = a.stats().publishFailures() - failures0;
        if (failed > 0 || r.open() < subs || l.open() < subs || b.stats().connections() < subs) {
            out.note(failed + " publishes failed; streams open: " + r.open() + " on B, " + l.open() + " on A");
        }
    }
}
