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
