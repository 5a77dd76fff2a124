package org.ssekit.bench;

import java.time.Duration;
import java.util.List;

/**
 * Churn: many short connections (connect, read the response head, disconnect). Afterwards the
 * server must hold no stream and no more threads or heap than before (it finds a silent
 * disconnect at its next heartbeat).
 */
final class Churn implements Scenario {
    @Override
    public String name() {
        return "churn";
    }

    @Override
    public List<Integer> params(BenchConfig config) {
        return List.of(config.churnConnections());
    }

    @Override
    public void measure(BenchConfig config, int total, ServerProcess server, LoadFleet fleet, Recorder out)
            throws Exception {
        Duration drain = config.heartbeat().multipliedBy(3).plusSeconds(5);
        fleet.churn(server.port, Math.min(1000, total), config.churnRate()); // warm-up
        server.awaitConnectionsAtMost(0, drain);
        ServerProcess.Stats base = server.gcStats();
        long start = System.nanoTime();
        int ok = fleet.churn(server.port, total, config.churnRate());
        double seconds = (System.nanoTime() - start) / 1e9;
        int left = server.awaitConnectionsAtMost(0, drain);
        ServerProcess.Stats after = server.gcStats();
        out.put("connects_ok", "connects", ok);
        out.put("connects_per_s", "connects/s", ok / seconds);
        out.put("streams_left", "streams", left);
        out.put("heap_delta", "KiB", (after.heapAfterGc() - base.heapAfterGc()) / 1024.0);
        out.put("threads_delta", "threads", after.threads() - base.threads());
    }
}
