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
 * The counts and durations of one benchmark mode. {@code quick} proves the harness end to end
 * in a couple of minutes; {@code full} is what the README figures come from.
 *
 * @param burstRate events per second the burst publishes, to {@code burstSubscribers} each
 * @param burstLength how long the burst publishes
 * @param burstDrain how long after the burst the clients may take to receive it all
 * @param crossNodeSubscribers subscribers on each of the two nodes of the cross-node scenario
 * @param crossNodeBurst events the cross-node scenario publishes as fast as it can, for its throughput
 */
record BenchConfig(
        String mode,
        int runs,
        int heavyRuns,
        int loadProcesses,
        Duration heartbeat,
        List<Integer> fanOutSubscribers,
        Duration fanOutStep,
        int fanOutBisections,
        int payloadBytes,
        int latencySubscribers,
        double latencyRate,
        Duration latencyDuration,
        int burstSubscribers,
        double burstRate,
        Duration burstLength,
        Duration burstDrain,
        List<Integer> idleConnections,
        int slowSubscribers,
        double slowRate,
        int slowPayloadBytes,
        Duration slowDuration,
        int churnConnections,
        double churnRate,
        int h2Streams,
        int h2BurstEvents,
        int crossNodeSubscribers,
        int crossNodeBurst) {

    static BenchConfig quick() {
        return new BenchConfig("quick", 1, 1, 2, Duration.ofSeconds(1), List.of(200), Duration.ofMillis(500), 2,
                100, 200, 20, Duration.ofSeconds(1), 200, 2000, Duration.ofMillis(250), Duration.ofSeconds(10),
                List.of(1000), 100, 20, 16384, Duration.ofSeconds(2), 500, 1000, 1000, 20, 200, 2000);
    }

    static BenchConfig full() {
        return new BenchConfig("full", 3, 1, 4, Duration.ofSeconds(5), List.of(100, 1000, 10000),
                Duration.ofSeconds(1), 3, 100, 1000, 20, Duration.ofSeconds(10), 1000, 2000, Duration.ofSeconds(2),
                Duration.ofSeconds(20), List.of(10000, 19000), 1000, 20, 16384, Duration.ofSeconds(20), 100000, 2000,
                10000, 50, 1000, 5000);
    }

    /** The subscriber count the throughput targets are stated at. */
    int referenceSubscribers() {
        return fanOutSubscribers.contains(1000) ? 1000 : fanOutSubscribers.get(fanOutSubscribers.size() - 1);
    }

    int largestIdle() {
        return idleConnections.get(idleConnections.size() - 1);
    }

    BenchConfig withRuns(int n) {
        return new BenchConfig(mode, n, Math.min(n, heavyRuns), loadProcesses, heartbeat, fanOutSubscribers,
                fanOutStep, fanOutBisections, payloadBytes, latencySubscribers, latencyRate, latencyDuration, burstSubscribers,
                burstRate, burstLength, burstDrain, idleConnections, slowSubscribers, slowRate, slowPayloadBytes,
                slowDuration, churnConnections, churnRate, h2Streams, h2BurstEvents,
                crossNodeSubscribers, crossNodeBurst);
    }

    /** The same mode with the fan-out measured at {@code subscribers} only. */
    BenchConfig withFanOutSubscribers(List<Integer> subscribers) {
        return new BenchConfig(mode, runs, heavyRuns, loadProcesses, heartbeat, List.copyOf(subscribers),
                fanOutStep, fanOutBisections, payloadBytes, latencySubscribers, latencyRate, latencyDuration, burstSubscribers,
                burstRate, burstLength, burstDrain, idleConnections, slowSubscribers, slowRate, slowPayloadBytes,
                slowDuration, churnConnections, churnRate, h2Streams, h2BurstEvents,
                crossNodeSubscribers, crossNodeBurst);
    }

    /** The same mode with the idle scenario at {@code connections} only. */
    BenchConfig withIdleConnections(List<Integer> connections) {
        return new BenchConfig(mode, runs, heavyRuns, loadProcesses, heartbeat, fanOutSubscribers,
                fanOutStep, fanOutBisections, payloadBytes, latencySubscribers, latencyRate, latencyDuration, burstSubscribers,
                burstRate, burstLength, burstDrain, List.copyOf(connections), slowSubscribers, slowRate,
                slowPayloadBytes, slowDuration, churnConnections, churnRate, h2Streams, h2BurstEvents,
                crossNodeSubscribers, crossNodeBurst);
    }
}
