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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssekit.EventLog;

/**
 * A real Redis Cluster of three primaries (redis-server --cluster-enabled, joined by
 * redis-cli --cluster create): each log finds the primary of its hash tag's slot, two nodes of
 * one stream see one order, and streams of other names spread over the shards.
 */
class RedisClusterModeIT {
    private static final List<RedisServer> SHARDS = new ArrayList<>();
    private final RedisLogFixture nodes = new RedisLogFixture();

    @BeforeAll
    static void startCluster() throws Exception {
        RedisServer.requireBinary();
        Path cli = RedisServer.BINARY.resolveSibling("redis-cli");
        List<String> create = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
        for (int i = 0; i < 3; i++) {
            RedisServer shard = RedisServer.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "2000");
            SHARDS.add(shard);
            create.add("127.0.0.1:" + shard.port());
        }
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Process p = new ProcessBuilder(create).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> SHARDS.stream()
                .allMatch(s -> s.admin(c -> c.clusterInfo()).contains("cluster_state:ok")));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (RedisServer s : SHARDS) {
            s.close();
        }
    }

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void eachStreamLivesOnThePrimaryOfItsSlotAndTwoNodesSeeOneOrder() throws Exception {
        // Seed every log with the first shard: the cluster tells it where its keys live.
        String seed = SHARDS.get(0).uri();
        Set<Integer> shardsUsed = new HashSet<>();
        for (String stream : List.of("news", "orders", "chat", "prices", "alerts", "scores")) {
            RedisLogFixture.Node a = nodes.open(seed, stream, b -> b.cluster(true));
            RedisLogFixture.Node b = nodes.open(seed, stream, b2 -> b2.cluster(true));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add((i % 2 == 0 ? a : b).publish(i % 3 == 0 ? "x" : "y", "e" + i).id());
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> a.feed().size() == 20 && b.feed().size() == 20);
            assertThat(a.feed().ids()).containsExactlyElementsOf(ids).containsExactlyElementsOf(b.feed().ids());
            EventLog.Replay r = b.replay(Set.of("x"), ids.get(0), ids.get(19), 100);
            assertThat(r.events()).extracting(e -> e.data().orElseThrow())
                    .containsExactly("e3", "e6", "e9", "e12", "e15", "e18");
            String key = a.log().streamKey();
            for (int i = 0; i < SHARDS.size(); i++) {
                RedisServer shard = SHARDS.get(i);
                // A shard that does not hold the slot answers MOVED instead; the one that does holds all 20.
                Long len = shard.admin(c -> {
                    try {
                        return c.xlen(key);
                    } catch (io.lettuce.core.RedisCommandExecutionException moved) {
                        return null;
                    }
                });
                if (len != null) {
                    assertThat(len).isEqualTo(20L);
                    shardsUsed.add(i);
                }
            }
        }
        assertThat(shardsUsed).as("six streams spread over the three shards").hasSizeGreaterThan(1);
    }
}
