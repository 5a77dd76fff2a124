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

import java.util.List;

/**
 * Idle: many open streams with heartbeats only. Heap per connection is the growth of the
 * heap after full GCs over an empty server, divided by the connections.
 */
final class Idle implements Scenario {
    @Override
    public String name() {
        return "idle";
    }

    @Override
    public List<Integer> params(BenchConfig config) {
        return config.idleConnections();
    }

    @Override
    public void measure(BenchConfig config, int n, ServerProcess server, LoadFleet fleet, Recorder out)
            throws Exception {
        ServerProcess.Stats base = server.gcStats();
        Connections.open(server, fleet, n, false, out);
        int opened = fleet.stats().open();
        Thread.sleep(config.heartbeat().toMillis());
        fleet.reset();
        Thread.sleep(config.heartbeat().toMillis() * 3 / 2);
        LoadFleet.Stats beats = fleet.stats();
        ServerProcess.Stats held = server.gcStats();
        out.put("connections", "streams", held.connections());
        out.put("heap_per_conn", "KiB", (held.heapAfterGc() - base.heapAfterGc()) / 1024.0 / Math.max(1, opened));
        out.put("threads", "threads", held.threads());
        out.put("threads_added", "threads", held.threads() - base.threads());
        out.put("rss", "MiB", held.rssKib() / 1024.0);
        out.put("beats_per_conn", "beats", (double) beats.beats() / Math.max(1, opened));
        out.put("lost_connections", "streams", beats.lost());
    }
}
