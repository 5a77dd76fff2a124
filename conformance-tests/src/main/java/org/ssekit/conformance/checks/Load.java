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
package org.ssekit.conformance.checks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ssekit.conformance.client.HttpExchange;

/** LOAD: many clients, a stalled client, and churn. */
final class Load extends AreaCheck {
    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(3);

    Load() {
        define("LOAD-01", this::broadcastToMany);
        define("LOAD-02", this::stalledClientIsolated);
        define("LOAD-03", this::churnLeaksNothing);
    }

    private static List<HttpExchange> openMany(Probe probe, String channel, int count) throws IOException {
        List<HttpExchange> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(probe.openQuiet(probe.streamRequest(channel)));
        }
        return clients;
    }

    /** Publishes {@code data-i} events and returns the nanoTime before each publish. */
    private static long[] publishTimed(Probe probe, String channel, String prefix, int count, String padding)
            throws IOException {
        long[] starts = new long[count];
        for (int i = 0; i < count; i++) {
            starts[i] = System.nanoTime();
            probe.fixture().publish(channel, Map.of("data", prefix + i + padding), probe.log());
        }
        return starts;
    }

    /** Latencies in ms of every event at every client; -1 for an event a client never got. */
    private static List<Long> latencies(List<HttpExchange> clients, String prefix, long[] starts, String padding) {
        List<Long> all = new ArrayList<>();
        for (HttpExchange client : clients) {
            List<HttpExchange.TimedEvent> events = client.events();
            for (int i = 0; i < starts.length; i++) {
                String data = prefix + i + padding;
                long start = starts[i];
                all.add(events.stream().filter(e -> e.event().data().equals(data)).findFirst()
                        .map(e -> (e.arrivalNanos() - start) / 1_000_000).orElse(-1L));
            }
        }
        return all;
    }

    private Outcome broadcastToMany(Probe probe) throws IOException {
        String channel = probe.channel();
        int count = probe.target().options().loadClients();
        List<HttpExchange> clients = openMany(probe, channel, count);
        int events = 20;
        long[] starts = publishTimed(probe, channel, "L-", events, "");
        for (HttpExchange client : clients) {
            client.awaitData("L-" + (events - 1), Duration.ofSeconds(10));
        }
        List<Long> latencies = latencies(clients, "L-", starts, "");
        long lost = latencies.stream().filter(l -> l < 0).count();
        long disordered = clients.stream().filter(c -> !inOrder(c.eventData(), "L-")).count();
        long[] sorted = latencies.stream().filter(l -> l >= 0).mapToLong(Long::longValue).sorted().toArray();
        String actual = count + " clients x " + events + " events: lost " + lost + ", clients out of order "
                + disordered + ", latency ms p50 " + percentile(sorted, 50) + " p95 " + percentile(sorted, 95)
                + " p99 " + percentile(sorted, 99) + " max " + percentile(sorted, 100);
        return probe.info("no loss, in order; latency percentiles", actual);
    }

    private static boolean inOrder(List<String> data, String prefix) {
        List<String> sequence = data.stream().filter(d -> d.startsWith(prefix)).toList();
        for (int i = 0; i < sequence.size(); i++) {
            if (!sequence.get(i).startsWith(prefix + i) || sequence.get(i).length() < (prefix + i).length()) {
                return false;
            }
        }
        return true;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private Outcome stalledClientIsolated(Probe probe) throws IOException {
        String channel = probe.channel();
        HttpExchange stalled = probe.openStalled(probe.streamRequest(channel));
        List<HttpExchange> clients = openMany(probe, channel, 8);
        String padding = ":" + "p".repeat(64 * 1024);
        int events = 64;
        long start = System.nanoTime();
        long[] starts = publishTimed(probe, channel, "S-", events, padding);
        long publishMillis = (System.nanoTime() - start) / 1_000_000;
        for (HttpExchange client : clients) {
            client.awaitData("S-" + (events - 1) + padding, Duration.ofSeconds(15));
        }
        List<Long> latencies = latencies(clients, "S-", starts, padding);
        stalled.close();
        long lost = latencies.stream().filter(l -> l < 0).count();
        long max = latencies.stream().mapToLong(Long::longValue).max().orElse(-1);
        String expected = "with one client not reading, 8 others get each of 64 x 64 KiB events within "
                + DELIVERY_BOUND.toMillis() + " ms";
        String actual = "publishing took " + publishMillis + " ms; lost " + lost + "; slowest delivery " + max + " ms";
        return lost == 0 && max <= DELIVERY_BOUND.toMillis() ? probe.ok(expected, actual)
                : probe.violation(expected, actual);
    }

    private Outcome churnLeaksNothing(Probe probe) throws IOException, InterruptedException {
        String channel = probe.channel();
        String kind = Close.countKind(probe, channel);
        long before = probe.streamCount(channel);
        int cycles = Math.max(50, probe.target().options().loadClients() * 2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < cycles; i++) {
                boolean abort = i % 2 == 0;
                statuses.add(pool.submit(() -> openAndClose(probe, channel, abort)));
            }
            int refused = 0;
            for (Future<Integer> status : statuses) {
                refused += get(status) == 200 ? 0 : 1;
            }
            probe.note(cycles + " connect/disconnect cycles, " + refused + " not answered 200");
        } finally {
            pool.shutdownNow();
        }
        Duration bound = Close.cleanupBound(probe);
        long after = Close.awaitStreamsAtMost(probe, channel, before, bound);
        String expected = "open " + kind + " back to " + before + " within " + bound.toMillis() + " ms after "
                + cycles + " connect/disconnect cycles";
        String actual = "open streams " + before + " -> " + after;
        return after <= before ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }

    private static int openAndClose(Probe probe, String channel, boolean abort) throws IOException {
        HttpExchange exchange = probe.openQuiet(probe.streamRequest(channel));
        int status = exchange.head().status();
        if (abort) {
            exchange.abort();
        } else {
            exchange.close();
        }
        return status;
    }

    private static int get(Future<Integer> status) throws IOException, InterruptedException {
        try {
            return status.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
