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

import org.ssekit.bench.h2.H2Fleet;
import org.ssekit.bench.server.ServerUnderTest;

/**
 * HTTP/2 beside HTTP/1.1: the same number of streams held first as one HTTP/1.1 connection
 * each (the load fleet), then over {@code streams / 100} h2c connections (prior knowledge, 100
 * streams each, from the coordinator). For each: heap per stream (after full GCs, over the
 * empty server), the server's threads, and delivered events/s of a burst of events to every
 * stream (from the first publish to the last event received). TLS is left out on both sides.
 */
final class Http2Streams implements Scenario {
    static final int STREAMS_PER_CONNECTION = 100;
    private static final double BURST_RATE = 10_000;

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public List<Integer> params(BenchConfig config) {
        return List.of(config.h2Streams());
    }

    @Override
    public boolean appliesTo(String stack) {
        return stack.equals("ssekit-servlet") || stack.equals("raw");
    }

    @Override
    public void measure(BenchConfig config, int n, ServerProcess server, LoadFleet fleet, Recorder out)
            throws Exception {
        ServerProcess.Stats base = server.gcStats();
        int events = config.h2BurstEvents();
        long timeout = 60_000;

        // HTTP/1.1: one connection per stream.
        if (Connections.open(server, fleet, n, false, out)) {
            ServerProcess.Stats held = server.gcStats();
            out.put("h1_heap_per_stream", "KiB", (held.heapAfterGc() - base.heapAfterGc()) / 1024.0 / n);
            out.put("h1_threads", "threads", held.threads());
            fleet.reset();
            long start = System.nanoTime();
            server.publish(events, BURST_RATE, config.payloadBytes(), Duration.ofMillis(timeout));
            long got = fleet.awaitEvents((long) events * n, Duration.ofMillis(timeout)).events();
            double seconds = (System.nanoTime() - start) / 1e9;
            out.put("h1_events_per_s", "events/s", got / seconds);
            if (got < (long) events * n) {
                out.note("HTTP/1.1: delivered " + got + " of " + (long) events * n);
            }
        }
        fleet.closeAll();
        server.awaitConnectionsAtMost(0, Duration.ofSeconds(30));

        // HTTP/2: n / 100 connections.
        int connections = Math.max(1, n / STREAMS_PER_CONNECTION);
        try (H2Fleet h2 = new H2Fleet()) {
            int opened = h2.open(server.port, ServerUnderTest.PATH, connections, n, timeout);
            long end = System.nanoTime() + 10_000_000_000L;
            while (server.stats().connections() < opened && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            if (opened < n) {
                out.note("h2: opened " + opened + " of " + n + " streams");
            }
            ServerProcess.Stats held = server.gcStats();
            out.put("h2_connections", "connections", connections);
            out.put("h2_heap_per_stream", "KiB", (held.heapAfterGc() - base.heapAfterGc()) / 1024.0 / Math.max(1, opened));
            out.put("h2_threads", "threads", held.threads());
            h2.reset();
            long start = System.nanoTime();
            server.publish(events, BURST_RATE, config.payloadBytes(), Duration.ofMillis(timeout));
            long expected = (long) events * opened;
            long got = h2.awaitEvents(expected, timeout);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.put("h2_events_per_s", "events/s", got / seconds);
            if (got < expected || h2.open() < opened) {
                out.note("h2: delivered " + got + " of " + expected + ", streams still open " + h2.open() + " of " + opened);
            }
        }
    }
}
