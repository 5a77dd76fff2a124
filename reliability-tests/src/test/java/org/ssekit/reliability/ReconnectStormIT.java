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
package org.ssekit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

/**
 * Reconnect storm: N streams (servlet binding, Jetty) dropped by the server at once. Each
 * client comes back after its own {@code retry} (drop time + retry, as a browser does): the
 * default jitter (half the retry) spreads them; above maxConnections a client gets 503 with
 * Retry-After; every client resumes from its Last-Event-ID with nothing lost or duplicated.
 * The server runs in a JVM of its own ({@link StormServer}), the clients in this one, so each
 * process holds one side of every stream within its own open-file limit.
 */
class ReconnectStormIT {
    private static final int CLIENTS = Heap.intProp("storm.clients", 2000);
    private static final Duration RETRY = Duration.ofSeconds(2);

    @Test
    void droppedAtOnceClientsComeBackSpreadByJitterAndResumeWithNoLoss() throws Exception {
        long files = CLIENTS + 4096L; // each process holds one side of every stream
        raiseFileLimit(ProcessHandle.current().pid(), files);
        try (StormServer.Remote target = new StormServer.Remote(CLIENTS, RETRY, Duration.ofSeconds(10));
                NioSseClients clients = new NioSseClients(target.port(), "/events?channel=storm", CLIENTS)) {
            raiseFileLimit(target.pid(), files);
            await("all " + CLIENTS + " streams open", Duration.ofSeconds(120),
                    () -> clients.open.get() == CLIENTS && target.openStreams() == CLIENTS);
            // Above the cap: 503 with Retry-After.
            int status;
            String retryAfter;
            try (SseSocketClient extra = SseSocketClient.connect("127.0.0.1", target.port(), "/events?channel=storm", null, 0)) {
                status = extra.status;
                retryAfter = extra.headers.get("retry-after");
            }
            long seq = 0;
            for (; seq < 5; seq++) {
                target.publish("storm", Long.toString(seq));
            }
            await("the first 5 events everywhere", Duration.ofSeconds(60),
                    () -> clients.conns.stream().allMatch(c -> c.received >= 5));
            long dropStart = System.nanoTime();
            long[] closing = target.closeAll();
            int closed = (int) closing[0];
            double closeSeconds = closing[1] / 1e9;
            await("every client saw its stream end", Duration.ofSeconds(60),
                    () -> clients.conns.stream().allMatch(c -> c.dropNanos > dropStart));
            // Published while they are away: each must get these by replay.
            for (; seq < 10; seq++) {
                target.publish("storm", Long.toString(seq));
            }
            await("every client back with all 10 events", Duration.ofSeconds(120),
                    () -> clients.conns.stream().allMatch(c -> c.expected == 10));
            long firstDrop = clients.conns.stream().mapToLong(c -> c.dropNanos).min().orElseThrow();
            long lastDrop = clients.conns.stream().mapToLong(c -> c.dropNanos).max().orElseThrow();
            // The spread jitter gives: all dropped at one instant, each back at drop + its own retry.
            int[] buckets = new int[(int) (RETRY.toMillis() * 2 / 100)];
            long[] retries = clients.conns.stream().mapToLong(c -> c.retryMillis).sorted().toArray();
            for (long r : retries) {
                buckets[(int) Math.min(buckets.length - 1, r / 100)]++;
            }
            // What happened here: this test closes the streams one by one, so drops spread too.
            int[] actual = new int[100];
            for (NioSseClients.Conn c : clients.conns) {
                long at = (c.dropNanos - firstDrop) / 1_000_000 + c.retryMillis;
                actual[(int) Math.min(actual.length - 1, at / 100)]++;
            }
            int actualMax = Arrays.stream(actual).max().orElseThrow();
            int max = Arrays.stream(buckets).max().orElseThrow();
            StringBuilder histogram = new StringBuilder();
            for (int i = 0; i < buckets.length; i++) {
                if (buckets[i] > 0) {
                    histogram.append(String.format("%d-%d ms: %d; ", i * 100, i * 100 + 99, buckets[i]));
                }
            }
            long lost = clients.conns.stream().mapToLong(c -> c.lost).sum();
            long dup = clients.conns.stream().mapToLong(c -> c.duplicated).sum();
            Heap.report(String.format("storm (servlet on Jetty 12): %d streams, retry %d ms + default jitter, maxConnections %d:"
                    + " %d closed (one by one, in %.1f s), drops seen over %d ms; retry values %d..%d ms; reconnect times"
                    + " (drop + retry, all dropped at one instant) per 100 ms: %s largest bucket %d (%.1f %%);"
                    + " measured here (drop spread included) the busiest 100 ms held %d (%.1f %%);"
                    + " extra client above the cap: %d Retry-After %s; 503s during the storm %d; lost %d, duplicated %d; %s",
                    CLIENTS, RETRY.toMillis(), CLIENTS, closed, closeSeconds, (lastDrop - firstDrop) / 1_000_000, retries[0],
                    retries[retries.length - 1], histogram, max, 100.0 * max / CLIENTS, actualMax, 100.0 * actualMax / CLIENTS,
                    status, retryAfter, clients.statusNot200.get(), lost, dup, Heap.load()));
            assertThat(status).as("status above maxConnections").isEqualTo(503);
            assertThat(retryAfter).as("Retry-After above maxConnections").isNotNull().matches("[1-9][0-9]*");
            assertThat(closed).isEqualTo(CLIENTS);
            assertThat(retries[0]).as("smallest retry").isGreaterThanOrEqualTo(RETRY.toMillis());
            assertThat(retries[retries.length - 1]).as("largest retry").isLessThanOrEqualTo(RETRY.toMillis() * 3 / 2);
            assertThat(retries[retries.length - 1] - retries[0]).as("retry spread, ms").isGreaterThan(RETRY.toMillis() / 4);
            // Jitter over 1,000 ms puts about 10 % in each 100 ms; without it all land in one or two.
            assertThat(100.0 * max / CLIENTS).as("share of clients in the busiest 100 ms").isLessThan(20.0);
            assertThat(lost).as("events lost").isZero();
            assertThat(dup).as("events duplicated").isZero();
            assertThat(clients.conns.stream().allMatch(c -> c.connects == 2)).as("every client connected exactly twice").isTrue();
            clients.reconnect = false;
            clients.close();
            await("streams back to 0", Duration.ofSeconds(60), () -> target.openStreams() == 0);
        }
    }

    static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Raises process {@code pid}'s open-file limit when the run needs more than it has (root may
     * raise the hard one, where the container lets it); says so when it cannot.
     */
    static void raiseFileLimit(long pid, long needed) throws Exception {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", Long.toString(pid), "limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                if (soft.equals("unlimited") || Long.parseLong(soft) >= needed) {
                    return;
                }
            }
        }
        Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--nofile=" + needed + ":" + needed)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            Heap.report("could not raise the open-file limit to " + needed + ": " + out.trim());
        }
    }
}
