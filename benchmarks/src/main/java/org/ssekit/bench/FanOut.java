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
 * Fan-out: the highest publish rate whose events all reach every subscriber in time, found by
 * doubling the rate until a step fails and then bisecting. A step passes when the publisher
 * kept its schedule (finished within 1.5 times the step), every event reached every subscriber
 * within half a step after that (counted by the clients, so a stack whose publish only queues,
 * as ssekit's does, passes only once its writers have delivered), no publish failed and no
 * connection was lost. Reported at the highest passing step: delivered events/s, the server's
 * CPU time and write system calls ({@code syscw}) per delivered event. The slack absorbs the noise of a
 * shared machine; it also means a stack may be up to about a third short of the rate it passed.
 */
final class FanOut implements Scenario {
    private static final double START_DELIVERED_PER_SECOND = 20_000;
    private static final double MAX_DELIVERED_PER_SECOND = 20_000_000;
    private static final int WARM_UP_STEPS = 2;
    private static final String BLOCKED = "publisher blocked";

    private record Step(boolean pass, double deliveredPerSecond, double cpuNanosPerEvent, double writesPerEvent,
                        String why) {
        /** The publisher is still stuck in the server: no further command would be answered in order. */
        boolean blocked() {
            return why.equals(BLOCKED);
        }
    }

    @Override
    public String name() {
        return "fanout";
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
        return config.fanOutSubscribers();
    }

    @Override
    public void measure(BenchConfig config, int subs, ServerProcess server, LoadFleet fleet, Recorder out)
            throws Exception {
        if (!Connections.open(server, fleet, subs, false, out)) {
            return;
        }
        double rate = Math.max(1, START_DELIVERED_PER_SECOND / subs);
        for (int i = 0; i < WARM_UP_STEPS; i++) {
            step(config, rate, subs, server, fleet); // warm-up (JIT, pools), not counted
        }
        Step best = null;
        Step failed = null;
        double low = 0;
        double high = 0;
        while (rate * subs <= MAX_DELIVERED_PER_SECOND) {
            Step s = stepAndRecover(config, rate, subs, server, fleet);
            if (!s.pass()) {
                failed = s;
                high = rate;
                break;
            }
            best = s;
            low = rate;
            rate *= 2;
        }
        for (int i = 0; i < config.fanOutBisections() && failed != null && !failed.blocked() && best != null; i++) {
            double mid = (low + high) / 2;
            Step s = stepAndRecover(config, mid, subs, server, fleet);
            if (s.pass()) {
                best = s;
                low = mid;
            } else {
                failed = s;
                high = mid;
            }
        }
        report(best, failed, out);
    }

    private static void report(Step best, Step failed, Recorder out) {
        if (best == null) {
            out.note("no rate passed; first failure: " + (failed == null ? "?" : failed.why()));
            out.put("events_per_s", "events/s", 0);
            return;
        }
        out.put("events_per_s", "events/s", best.deliveredPerSecond());
        out.put("cpu_per_event", "ns", best.cpuNanosPerEvent());
        out.put("writes_per_event", "writes", best.writesPerEvent());
        if (failed != null) {
            out.note("next step up failed: " + failed.why());
        }
    }

    private Step stepAndRecover(BenchConfig config, double rate, int subs, ServerProcess server,
                                LoadFleet fleet) throws Exception {
        Step s = step(config, rate, subs, server, fleet);
        if (!s.pass() && !s.blocked()) {
            Connections.settle(fleet);
            if (fleet.stats().open() < subs) {
                fleet.closeAll();
                Connections.open(server, fleet, subs, false, null);
            }
        }
        return s;
    }

    private Step step(BenchConfig config, double rate, int subs, ServerProcess server, LoadFleet fleet)
            throws Exception {
        Duration length = config.fanOutStep();
        int count = Math.max(1, (int) Math.round(rate * length.toMillis() / 1000.0));
        fleet.reset();
        ServerProcess.Stats before = server.stats();
        long writes0 = server.writeSyscalls();
        long took = server.publish(count, rate, config.payloadBytes(), length.multipliedBy(4).plusSeconds(10));
        if (took < 0) {
            return new Step(false, 0, 0, Double.NaN, BLOCKED);
        }
        long expected = (long) count * subs;
        LoadFleet.Stats got = fleet.awaitEvents(expected, length.dividedBy(2));
        long writes = server.writeSyscalls();
        ServerProcess.Stats after = server.stats();
        long cpu = after.cpuNanos() - before.cpuNanos();
        long failed = after.publishFailures() - before.publishFailures();
        String why = took > length.toNanos() * 3 / 2 ? "publisher fell behind (" + took / 1_000_000 + " ms)"
                : got.events() < expected ? "delivered " + got.events() + " of " + expected
                : got.open() < subs ? "lost " + (subs - got.open()) + " connections"
                : failed > 0 ? failed + " publishes failed" : "";
        return new Step(why.isEmpty(), rate * subs, (double) cpu / Math.max(1, got.events()),
                ProcIo.perEvent(writes0, writes, got.events()), why);
    }
}
