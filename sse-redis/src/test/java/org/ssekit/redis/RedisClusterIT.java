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
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssekit.Broadcaster;
import org.ssekit.PublishResult;
import org.ssekit.SseEvent;

/**
 * Three nodes (three Broadcasters, each with its own RedisEventLog on one stream) and clients
 * that stay, and clients that hop to another node on every reconnect while every node publishes.
 */
class RedisClusterIT {
    private static RedisServer redis;
    private final List<Broadcaster> nodes = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(Broadcaster::close);
    }

    private List<Broadcaster> cluster(String stream, int size) {
        for (int i = 0; i < size; i++) {
            RedisEventLog log = RedisEventLog.builder().uri(redis.uri()).stream(stream)
                    .maxBackoff(Duration.ofMillis(200)).build();
            nodes.add(Broadcaster.builder().eventLog(log).build());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> nodes.stream().allMatch(b -> b.eventLog().isConnected()));
        return nodes;
    }

    /** Every node publishes {@code perNode} events, round robin over {@code channels}; returns the ids in publish order per node. */
    private static List<Thread> publishers(List<Broadcaster> cluster, int perNode, List<String> channels,
            List<String> published, AtomicBoolean failed) {
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; n < cluster.size(); n++) {
            Broadcaster node = cluster.get(n);
            int nodeIndex = n;
            threads.add(new Thread(() -> {
                List<CompletionStage<PublishResult>> stages = new ArrayList<>();
                for (int i = 0; i < perNode; i++) {
                    String channel = channels.get(i % channels.size());
                    stages.add(node.publish(channel, SseEvent.of(channel + ":" + nodeIndex + ":" + i)));
                    if (i % 5 == 4) {
                        java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // a steady pace, so clients hop mid-stream
                    }
                    if (i % 50 == 49) {
                        // Keep a few in flight only: clients hop meanwhile.
                        CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture)
                                .toArray(CompletableFuture[]::new)).orTimeout(20, TimeUnit.SECONDS).join();
                    }
                }
                for (CompletionStage<PublishResult> st : stages) {
                    try {
                        published.add(st.toCompletableFuture().get(20, TimeUnit.SECONDS).id());
                    } catch (Exception e) {
                        failed.set(true);
                    }
                }
            }, "publisher-" + n));
        }
        threads.forEach(Thread::start);
        return threads;
    }

    private static List<String> ids(List<SseEvent> events) {
        return events.stream().map(e -> e.id().orElseThrow()).toList();
    }

    @Test
    void everySubscriberOnEveryNodeGetsEveryEventOnceInOneOrder() throws Exception {
        List<Broadcaster> cluster = cluster("fanout", 3);
        List<RecordingStream> streams = new ArrayList<>();
        for (Broadcaster node : cluster) {
            for (int i = 0; i < 3; i++) {
                RecordingStream s = new RecordingStream(null);
                node.subscribe(s, List.of("c"));
                streams.add(s);
            }
        }
        List<String> published = new CopyOnWriteArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        for (Thread t : publishers(cluster, 200, List.of("c"), published, failed)) {
            t.join();
        }
        assertThat(failed).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.stream().allMatch(s -> s.size() == 600));
        List<String> order = ids(streams.get(0).received());
        assertThat(order).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
        for (RecordingStream s : streams) {
            assertThat(ids(s.received())).containsExactlyElementsOf(order);
        }
    }

    /**
     * A client that reads a random number of events, drops its connection and reconnects with
     * its Last-Event-ID to the next node, while all nodes publish.
     */
    private void hopAcrossNodes(String stream, List<String> subscribed, List<String> publishedOn, int perNode)
            throws Exception {
        List<Broadcaster> cluster = cluster(stream, 3);
        RecordingStream reference = new RecordingStream(null);
        cluster.get(0).subscribe(reference, subscribed);
        Random random = new Random(42);
        List<SseEvent> got = new ArrayList<>();
        int node = 0;
        RecordingStream current = new RecordingStream(null);
        cluster.get(node).subscribe(current, subscribed);
        List<String> published = new CopyOnWriteArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        List<Thread> pubs = publishers(cluster, perNode, publishedOn, published, failed);
        long expected = (long) perNode * cluster.size() * subscribed.size() / publishedOn.size();
        int hops = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (got.size() + current.size() < expected && System.nanoTime() < deadline) {
            int target = got.size() + 10 + random.nextInt(100);
            RecordingStream watched = current;
            await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> got.size() + watched.size() >= Math.min(target, expected)
                    || pubs.stream().noneMatch(Thread::isAlive) && got.size() + watched.size() >= expected);
            if (got.size() + current.size() >= expected) {
                break;
            }
            current.close();
            got.addAll(current.received());
            String last = got.get(got.size() - 1).id().orElseThrow();
            node = (node + 1) % cluster.size();
            current = new RecordingStream(last);
            cluster.get(node).subscribe(current, subscribed);
            hops++;
        }
        for (Thread t : pubs) {
            t.join();
        }
        RecordingStream finalStream = current;
        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() + finalStream.size() >= expected);
        got.addAll(current.received());
        System.out.printf("%s: %d events received over %d hops%n", stream, got.size(), hops);
        assertThat(failed).isFalse();
        assertThat(hops).isGreaterThanOrEqualTo(10);
        assertThat(got).noneMatch(e -> e.event().filter("reset"::equals).isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> reference.size() == expected);
        assertThat(ids(got)).doesNotHaveDuplicates().containsExactlyElementsOf(ids(reference.received()));
        Set<String> channels = Set.copyOf(subscribed);
        assertThat(got).allMatch(e -> channels.contains(e.data().orElseThrow().split(":")[0]));
    }

    @Test
    void aClientThatHopsNodesOnEveryReconnectMissesNothingAndGetsNothingTwice() throws Exception {
        hopAcrossNodes("hop", List.of("c"), List.of("c"), 1000);
    }

    @Test
    void aMultiChannelClientThatHopsNodesGetsExactlyItsChannels() throws Exception {
        hopAcrossNodes("hop-multi", List.of("a", "b"), List.of("a", "b", "z"), 1200);
    }
}
