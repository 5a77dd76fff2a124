package org.ssekit.bench;

import java.time.Duration;
import java.util.List;

/**
 * The counts and durations of one benchmark mode. {@code quick} proves the harness end to end
 * in a couple of minutes; {@code full} is what the README figures come from.
 */
record BenchConfig(
        String mode,
        int runs,
        int heavyRuns,
        int loadProcesses,
        Duration heartbeat,
        List<Integer> fanOutSubscribers,
        Duration fanOutStep,
        int payloadBytes,
        int latencySubscribers,
        double latencyRate,
        Duration latencyDuration,
        List<Integer> idleConnections,
        int slowSubscribers,
        double slowRate,
        int slowPayloadBytes,
        Duration slowDuration,
        int churnConnections,
        double churnRate,
        int h2Streams,
        int h2BurstEvents) {

    static BenchConfig quick() {
        return new BenchConfig("quick", 1, 1, 2, Duration.ofSeconds(1), List.of(200), Duration.ofMillis(500),
                100, 200, 20, Duration.ofSeconds(2), List.of(1000), 100, 20, 16384,
                Duration.ofSeconds(3), 500, 1000, 1000, 20);
    }

    static BenchConfig full() {
        return new BenchConfig("full", 3, 1, 4, Duration.ofSeconds(5), List.of(100, 1000, 10000),
                Duration.ofSeconds(1), 100, 1000, 20, Duration.ofSeconds(10), List.of(10000, 19000), 1000, 20,
                16384, Duration.ofSeconds(20), 100000, 2000, 10000, 50);
    }

    /** The subscriber count the throughput targets are stated at. */
    int referenceSubscribers() {
        return fanOutSubscribers.contains(1000) ? 1000 : fanOutSubscribers.get(fanOutSubscribers.size() - 1);
    }

    int largestIdle() {
        return idleConnections.get(idleConnections.size() - 1);
    }

    BenchConfig withRuns(int n) {
        return new BenchConfig(mode, n, Math.min(n, heavyRuns), loadProcesses, heartbeat, fanOutSubscribers, fanOutStep, payloadBytes,
                latencySubscribers, latencyRate, latencyDuration, idleConnections, slowSubscribers, slowRate,
                slowPayloadBytes, slowDuration, churnConnections, churnRate, h2Streams, h2BurstEvents);
    }
}
