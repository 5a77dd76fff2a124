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
package org.ssekit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssekit.SseEvent;

/**
 * What durable publish costs: publish-to-delivered latency on this node, with and without
 * WAIT 1, primary and replica on loopback. Prints the figures the README quotes; asserts that
 * every publish completed and that the durable ones are on the replica.
 */
class RedisDurableLatencyIT {
    private static final int EVENTS = 1000;
    private static RedisServer primary;
    private static RedisServer replica;
    private final RedisLogFixture nodes = new RedisLogFixture();

    @BeforeAll
    static void start() throws Exception {
        primary = RedisServer.start();
        replica = RedisServer.start("--replicaof", "127.0.0.1", Integer.toString(primary.port()));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                replica.admin(c -> c.info("replication")).contains("master_link_status:up"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    private long[] sequential(RedisLogFixture.Node n) {
        long[] micros = new long[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            long t0 = System.nanoTime();
            n.publish("ch", "e" + i);
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private double throughput(RedisLogFixture.Node n, int inFlight) {
        long t0 = System.nanoTime();
        List<CompletableFuture<?>> window = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            window.add(n.log().append("ch", SseEvent.of("t" + i)).toCompletableFuture());
            if (window.size() == inFlight) {
                CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
                window.clear();
            }
        }
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
        return EVENTS / ((System.nanoTime() - t0) / 1e9);
    }

    private String measure(String stream, UnaryOperator<RedisEventLog.Builder> tweak) throws Exception {
        RedisLogFixture.Node n = nodes.open(primary.uri(), stream, tweak);
        sequential(n); // warm up
        long[] lat = sequential(n);
        double perSecond = throughput(n, 32);
        assertThat(n.feed().size()).isEqualTo(3 * EVENTS);
        return String.format("p50 %d us, p99 %d us, %.0f events/s with 32 in flight",
                lat[EVENTS / 2], lat[EVENTS * 99 / 100], perSecond);
    }

    @Test
    void durablePublishWaitsForTheReplicaAndCostsAReplicationRoundTrip() throws Exception {
        // Alternate the two, so JIT warm-up and the other builds on the machine weigh on both alike.
        for (int round = 1; round <= 2; round++) {
            String plain = measure("plain" + round, b -> b);
            String durable = measure("durable" + round, b -> b.durableReplicas(1));
            System.out.println("round " + round + ", publish to delivered, loopback primary + 1 replica: without"
                    + " durable publish: " + plain + "; with durableReplicas(1): " + durable);
            String key = "{ssekit:durable" + round + "}:log";
            assertThat((long) replica.admin(c -> c.xlen(key))).isEqualTo(3L * EVENTS);
        }
    }
}
