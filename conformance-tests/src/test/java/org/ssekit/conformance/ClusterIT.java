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
package org.ssekit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ssekit.conformance.fixture.Fault;
import org.ssekit.conformance.fixture.FixtureServer;
import org.ssekit.conformance.fixture.ReferenceCluster;

/**
 * RES-06 and RES-07 (PROFILE cluster) against reference clusters: three reference fixtures on
 * their own ports in this JVM sharing one log pass both, each broken cluster fails the case
 * that guards the rule it breaks, three runs in a row, and a declared cluster that cannot be
 * reached fails with a message naming the peer.
 */
class ClusterIT {
    private static final Set<String> CLUSTER_CASES = Set.of("RES-06", "RES-07");
    private static final int RUNS = 3;
    private static final int NODES = 3;

    @Test
    void referenceClusterPassesRes06AndRes07() throws Exception {
        try (ReferenceCluster cluster = ReferenceCluster.start(NODES)) {
            for (int run = 1; run <= RUNS; run++) {
                Report report = run(cluster, CLUSTER_CASES);
                for (String id : CLUSTER_CASES) {
                    CaseResult result = report.result(id).orElseThrow();
                    assertThat(result.verdict()).as("run %d %s: %s\n%s", run, id, result.actual(), result.wireLog())
                            .isEqualTo(Verdict.OK);
                }
            }
        }
    }

    /**
     * A broken cluster (node 1 is the second node, a peer of the target), the case that must
     * catch it, what its failure must say, and the case that must still pass (or null: a cluster
     * that shares nothing cannot resume either, and late delivery may also open a gap for RES-07).
     */
    static Stream<Arguments> brokenClusters() {
        return Stream.of(
                Arguments.of("nodes that share no events", Map.of(), false, "RES-06",
                        List.of("n2 stream 1", "gap, missing: [o-0"), null),
                Arguments.of("a node that delivers other nodes' events late, out of order",
                        Map.of(1, Set.of(Fault.FOREIGN_EVENTS_LATE)), true, "RES-06",
                        List.of("n2 stream 1", "out of order"), null),
                Arguments.of("a node that resumes another node's id from now",
                        Map.of(1, Set.of(Fault.FOREIGN_ID_FROM_NOW)), true, "RES-07",
                        List.of("gap, missing: [g-0-b"), "RES-06"),
                Arguments.of("a node that replays another node's id with a gap",
                        Map.of(1, Set.of(Fault.FOREIGN_REPLAY_GAP)), true, "RES-07",
                        List.of("gap, missing: [g-0-b"), "RES-06"),
                Arguments.of("a node that replays another node's id with a duplicate",
                        Map.of(1, Set.of(Fault.FOREIGN_REPLAY_DUPLICATE)), true, "RES-07",
                        List.of("duplicate: g-0-a"), "RES-06"));
    }

    @ParameterizedTest(name = "{3} FAILED for {0}, " + RUNS + " runs in a row")
    @MethodSource("brokenClusters")
    void caseCatchesTheBrokenCluster(String description, Map<Integer, Set<Fault>> faults, boolean shared,
                                     String failing, List<String> evidence, String passing) throws Exception {
        try (ReferenceCluster cluster = ReferenceCluster.start(NODES, faults, shared)) {
            for (int run = 1; run <= RUNS; run++) {
                Report report = run(cluster, CLUSTER_CASES);
                CaseResult bad = report.result(failing).orElseThrow();
                assertThat(bad.verdict()).as("run %d: %s", run, bad.actual()).isEqualTo(Verdict.FAILED);
                assertThat(bad.actual()).as("run %d", run).contains(evidence);
                assertThat(report.passed(false)).isFalse();
                if (passing != null) {
                    CaseResult good = report.result(passing).orElseThrow();
                    assertThat(good.verdict()).as("run %d %s: %s", run, passing, good.actual()).isEqualTo(Verdict.OK);
                }
            }
        }
    }

    static Stream<Arguments> unusablePeers() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        return Stream.of(
                Arguments.of(List.of("http://127.0.0.1:" + closed + "/fx"), "is unreachable"),
                Arguments.of(List.of("not a url at all"), "is not an absolute http URL"),
                Arguments.of(List.of(), "no peers"));
    }

    @ParameterizedTest(name = "a declared cluster with peers {0} FAILS both cases: {1}")
    @MethodSource("unusablePeers")
    void declaredClusterWithUnusablePeersFails(List<String> peers, String message) throws Exception {
        try (FixtureServer node = ReferenceCluster.node(peers)) {
            Report report = Conformance.run(node.base(), Options.builder().only(CLUSTER_CASES).build());
            for (String id : CLUSTER_CASES) {
                CaseResult result = report.result(id).orElseThrow();
                assertThat(result.verdict()).as(id + ": " + result.actual()).isEqualTo(Verdict.FAILED);
                assertThat(result.actual()).contains(message);
            }
        }
    }

    @Test
    void aPeerThatIsNoClusterNodeFails() throws Exception {
        try (FixtureServer single = FixtureServer.reference(Set.of());
             FixtureServer node = ReferenceCluster.node(List.of(single.base().toString()))) {
            Report report = Conformance.run(node.base(), Options.builder().only(CLUSTER_CASES).build());
            assertThat(report.verdict("RES-06")).contains(Verdict.FAILED);
            assertThat(report.result("RES-07").orElseThrow().actual()).contains("does not declare profile cluster");
        }
    }

    @Test
    void withoutTheClusterProfileBothAreUnimplemented() throws Exception {
        try (FixtureServer single = FixtureServer.reference(Set.of())) {
            Report report = Conformance.run(single.base(), Options.builder().only(CLUSTER_CASES).build());
            for (String id : CLUSTER_CASES) {
                assertThat(report.verdict(id)).contains(Verdict.UNIMPLEMENTED);
                assertThat(report.result(id).orElseThrow().actual()).isEqualTo("profile cluster not declared");
            }
        }
    }

    @Test
    void cliRunsTheClusterCasesWithOnly(@TempDir Path dir) throws Exception {
        try (ReferenceCluster cluster = ReferenceCluster.start(2)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(new String[] {"--only", "RES-06,RES-07", "--report", dir.toString(),
                    cluster.base(0).toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as(printed + err).isEqualTo(Main.PASSED);
            assertThat(printed).contains("RES-06  MUST   OK", "RES-07  MUST   OK", "2 cases: 2 OK");
        }
    }

    private static Report run(ReferenceCluster cluster, Set<String> ids) {
        return Conformance.run(cluster.base(0), Options.builder().only(ids).build());
    }
}
