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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ssekit.Broadcaster;
import org.ssekit.EventLog;
import org.ssekit.SseEvent;
import org.ssekit.SseMetrics;

/** What the log does when Redis restarts, goes away, or fails over to a replica: never a silent gap. */
class RedisFailureIT {
    private final RedisLogFixture nodes = new RedisLogFixture();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        nodes.close();
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private RedisServer redis(String... args) throws Exception {
        RedisServer s = RedisServer.start(args);
        resources.add(s);
        return s;
    }

    private static void awaitConnected(RedisLogFixture.Node... ns) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (RedisLogFixture.Node n : ns) {
                if (!n.log().isConnected()) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void aRestartWithoutPersistenceChangesTheEpochSoOldIdsAreUnknown() throws Exception {
        RedisServer redis = redis();
        RedisLogFixture.Node a = nodes.open(redis.uri(), "news");
        RedisLogFixture.Node b = nodes.open(redis.uri(), "news");
        String before = a.publish("ch", "before").id();
        String oldEpoch = a.log().epoch().orElseThrow();
        redis.stop();
        redis.launch();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.log().isConnected()
                && !oldEpoch.equals(a.log().epoch().orElseThrow()) && !oldEpoch.equals(b.log().epoch().orElseThrow()));
        String after = a.publish("ch", "after").id();
        assertThat(b.log().epoch()).isEqualTo(a.log().epoch());
        assertThat(a.replay(Set.of("ch"), before, after, 100).isKnown()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> b.feed().ids().contains(after));
        assertThat(b.feed().data()).containsExactly("before", "after");
    }

    @Test
    void aRestartWithAppendonlyKeepsTheEpochAndTheHistory() throws Exception {
        RedisServer redis = redis("--appendonly", "yes");
        RedisLogFixture.Node a = nodes.open(redis.uri(), "news");
        RedisLogFixture.Node b = nodes.open(redis.uri(), "news");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(a.publish("ch", "e" + i).id());
        }
        String epoch = a.log().epoch().orElseThrow();
        redis.stop();
        redis.launch();
        awaitConnected(a, b);
        for (int i = 10; i < 20; i++) {
            ids.add(a.publish("ch", "e" + i).id());
        }
        assertThat(a.log().epoch()).contains(epoch);
        assertThat(b.log().epoch()).contains(epoch);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.feed().size() == 20);
        assertThat(b.feed().ids()).containsExactlyElementsOf(ids);
        EventLog.Replay r = b.replay(Set.of("ch"), ids.get(5), ids.get(19), 100);
        assertThat(r.events()).extracting(e -> e.id().orElseThrow()).containsExactlyElementsOf(ids.subList(6, 20));
    }

    @Test
    void whileRedisIsDownPublishesFailAtOnceAndTheReaderResumesWithNoGap() throws Exception {
        RedisServer redis = redis("--appendonly", "yes");
        RedisLogFixture.Node a = nodes.open(redis.uri(), "news");
        RedisLogFixture.Node b = nodes.open(redis.uri(), "news");
        for (int i = 0; i < 5; i++) {
            a.publish("ch", "e" + i);
        }
        redis.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !a.log().isConnected() && !b.log().isConnected());
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> RedisLogFixture.join(a.log().append("ch", SseEvent.of("lost"))))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(EventLogUnavailableException.class)
                .hasMessageContaining("not connected").hasMessageContaining("was not published")
                .matches(e -> !((EventLogUnavailableException) e).maybeRecorded(), "certainly not recorded");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
        Thread.sleep(3000); // Redis stays down for a few seconds
        assertThat(a.log().isConnected()).isFalse();
        redis.launch();
        awaitConnected(a);
        List<String> ids = new ArrayList<>(a.feed().ids());
        for (int i = 5; i < 55; i++) {
            ids.add(a.publish("ch", "e" + i).id());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> b.feed().size() == 55);
        assertThat(b.feed().ids()).containsExactlyElementsOf(ids).doesNotHaveDuplicates();
        assertThat(b.feed().data()).doesNotContain("lost");
    }

    @Test
    void theHealthFigureSaysWhetherTheLogReachesRedisInMetricsAndJmx() throws Exception {
        RedisServer redis = redis("--appendonly", "yes");
        Broadcaster broadcaster = Broadcaster.builder().eventLog(RedisEventLog.builder().uri(redis.uri())
                .stream("health").maxBackoff(Duration.ofMillis(200)).blockTime(Duration.ofMillis(300)).build())
                .build();
        resources.add(broadcaster);
        SseMetrics metrics = broadcaster.metrics();
        // As the servlet binding registers an endpoint's figures (MetricsMBean): SseMetrics as a standard MBean.
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("org.ssekit:type=SseMetrics,context=\"/health-test\",name=\"events\"");
        jmx.registerMBean(new StandardMBean(metrics, SseMetrics.class), name);
        resources.add(() -> jmx.unregisterMBean(name));
        await().atMost(Duration.ofSeconds(10)).until(metrics::isEventLogConnected);
        assertThat(jmx.getAttribute(name, "EventLogConnected")).isEqualTo(true);

        redis.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !metrics.isEventLogConnected());
        assertThat(jmx.getAttribute(name, "EventLogConnected")).isEqualTo(false);

        redis.launch();
        await().atMost(Duration.ofSeconds(10)).until(metrics::isEventLogConnected);
        assertThat(jmx.getAttribute(name, "EventLogConnected")).isEqualTo(true);
        broadcaster.close();
        assertThat(metrics.isEventLogConnected()).as("a closed broadcaster's log no longer counts").isTrue();
    }

    /** A primary with one replica whose link runs through a proxy the test can freeze, and a proxy for clients. */
    private record Pair(RedisServer primary, RedisServer replica, TcpProxy link, TcpProxy front) {
    }

    private Pair pair() throws Exception {
        RedisServer primary = redis();
        TcpProxy link = new TcpProxy(primary.port());
        resources.add(link);
        RedisServer replica = redis("--replicaof", "127.0.0.1", Integer.toString(link.port()));
        TcpProxy front = new TcpProxy(primary.port());
        resources.add(front);
        awaitReplicaUp(replica);
        return new Pair(primary, replica, link, front);
    }

    private static void awaitReplicaUp(RedisServer replica) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                replica.admin(c -> c.info("replication")).contains("master_link_status:up"));
    }

    /** Kills the primary with the link frozen (so its tail is lost), promotes the replica, points clients at it. */
    private static void failOver(Pair p, RedisServer... replicasOfTheNew) throws Exception {
        p.primary().kill();
        p.link().close();
        p.replica().admin(c -> c.replicaofNoOne());
        for (RedisServer r : replicasOfTheNew) {
            awaitReplicaUp(r);
        }
        p.front().retarget(p.replica().port());
    }

    private static boolean exists(RedisServer s, String streamKey, String sseId) {
        String entry = sseId.substring(sseId.indexOf('.') + 1);
        return !s.admin(c -> c.xrange(streamKey, io.lettuce.core.Range.create(entry, entry))).isEmpty();
    }

    @Test
    void aFailoverThatLosesTheTailGivesItsIdsTheResetEventNotAGap() throws Exception {
        Pair p = pair();
        RedisLogFixture.Node a = nodes.open(p.front().uri(), "news");
        RedisLogFixture.Node b = nodes.open(p.front().uri(), "news");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(a.publish("ch", "e" + i).id());
        }
        String key = a.log().streamKey();
        await().atMost(Duration.ofSeconds(5)).until(() -> p.replica().admin(c -> c.xlen(key)) == 20);
        p.link().freeze();
        List<String> tail = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tail.add(a.publish("ch", "tail" + i).id()); // delivered: no durable publish
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> b.feed().size() == 25);
        String epoch = a.log().epoch().orElseThrow();
        failOver(p);
        awaitConnected(a, b);
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(a.publish("ch", "after" + i).id());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> b.feed().ids().containsAll(after));
        assertThat(a.log().epoch()).contains(epoch);
        for (String lost : tail) {
            assertThat(exists(p.replica(), key, lost)).as("lost with the primary: " + lost).isFalse();
        }
        String newest = after.get(4);
        for (RedisLogFixture.Node n : List.of(a, b)) {
            // A client that saw the lost tail: the reset event, never a replay from a wrong place.
            assertThat(n.replay(Set.of("ch"), tail.get(4), newest, 100).isKnown()).isFalse();
            assertThat(n.replay(Set.of("ch"), tail.get(0), newest, 100).isKnown()).isFalse();
            // A client that saw only replicated events: exactly what came after, none of the lost tail.
            assertThat(n.replay(Set.of("ch"), ids.get(19), newest, 100).events())
                    .extracting(e -> e.id().orElseThrow()).containsExactlyElementsOf(after);
        }
        assertThat(b.feed().ids()).doesNotHaveDuplicates().endsWith(after.toArray(String[]::new));
    }

    @Test
    void withDurablePublishNoNodeDeliversWhatAFailoverCanTakeBack() throws Exception {
        Pair p = pair();
        java.util.function.UnaryOperator<RedisEventLog.Builder> durable = bl -> bl.durableReplicas(1)
                .durableTimeout(Duration.ofMillis(300)).publishTimeout(Duration.ofSeconds(3));
        RedisLogFixture.Node a = nodes.open(p.front().uri(), "news", durable);
        RedisLogFixture.Node b = nodes.open(p.front().uri(), "news", durable);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(a.publish("ch", "e" + i).id());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> b.feed().size() == 20);
        p.link().freeze();
        for (int i = 0; i < 3; i++) {
            int n = i;
            assertThatThrownBy(() -> a.publish("ch", "unconfirmed" + n))
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(EventLogUnavailableException.class)
                    .hasMessageContaining("0 of 1 replicas");
        }
        // The unconfirmed events reached Redis's primary, but no feed.
        String key = a.log().streamKey();
        assertThat((long) p.primary().admin(c -> c.xlen(key))).isEqualTo(23L);
        assertThat(a.feed().size()).isEqualTo(20);
        assertThat(b.feed().size()).isEqualTo(20);
        RedisServer second = redis("--replicaof", "127.0.0.1", Integer.toString(p.replica().port()));
        failOver(p, second);
        awaitConnected(a, b);
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(a.publish("ch", "after" + i).id());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> b.feed().ids().containsAll(after));
        for (RedisLogFixture.Node n : List.of(a, b)) {
            assertThat(n.feed().data()).noneMatch(d -> d.startsWith("unconfirmed")).doesNotHaveDuplicates();
            for (String delivered : n.feed().ids()) {
                assertThat(exists(p.replica(), key, delivered)).as("survived the failover: " + delivered).isTrue();
            }
            assertThat(n.replay(Set.of("ch"), ids.get(19), after.get(4), 100).events())
                    .extracting(e -> e.id().orElseThrow()).containsExactlyElementsOf(after);
        }
        assertThat(a.feed().ids()).containsExactlyElementsOf(b.feed().ids());
    }

    @Test
    void throughSentinelTheLogFollowsTheFailoverToThePromotedReplicaWithNoGap() throws Exception {
        RedisServer primary = redis();
        RedisServer replica = redis("--replicaof", "127.0.0.1", Integer.toString(primary.port()));
        awaitReplicaUp(replica);
        RedisServer sentinel = RedisServer.sentinel("mymaster", primary.port());
        resources.add(sentinel);
        await().atMost(Duration.ofSeconds(15)).until(() -> sentinel.admin(c -> c.info("sentinel")).contains("slaves=1"));
        String uri = "redis-sentinel://127.0.0.1:" + sentinel.port() + "#mymaster";
        RedisLogFixture.Node a = nodes.open(uri, "news");
        RedisLogFixture.Node b = nodes.open(uri, "news");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(a.publish("ch", "e" + i).id());
        }
        String key = a.log().streamKey();
        await().atMost(Duration.ofSeconds(5)).until(() -> replica.admin(c -> c.xlen(key)) == 20);
        String epoch = a.log().epoch().orElseThrow();
        primary.kill();
        await().atMost(Duration.ofSeconds(20)).until(() -> sentinel.admin(c -> c.info("sentinel"))
                .contains("address=127.0.0.1:" + replica.port()));
        awaitConnected(a, b);
        for (int i = 20; i < 40; i++) {
            ids.add(a.publish("ch", "e" + i).id());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> b.feed().size() == 40);
        assertThat(b.feed().ids()).containsExactlyElementsOf(ids);
        assertThat(a.feed().ids()).containsExactlyElementsOf(ids);
        assertThat(b.log().epoch()).contains(epoch);
        assertThat(b.replay(Set.of("ch"), ids.get(10), ids.get(39), 100).events())
                .extracting(e -> e.id().orElseThrow()).containsExactlyElementsOf(ids.subList(11, 40));
    }
}
