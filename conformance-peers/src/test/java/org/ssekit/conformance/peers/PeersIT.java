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
package org.ssekit.conformance.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ssekit.conformance.Conformance;
import org.ssekit.conformance.Options;
import org.ssekit.conformance.Report;
import org.ssekit.conformance.ReportFiles;

/**
 * The suite against the peers of this module, each started on a free port, all five at once (the
 * suite spends most of a run waiting, and the peers share nothing): Spring MVC, Spring WebFlux and
 * RESTEasy in this JVM, Helidon in a Java 25 JVM of its own, Quarkus REST from its own build in a
 * JVM of its own. Then every peer column of the verdict table (these five, and Jetty's and Jersey's
 * from conformance-tests' PeersIT) is compared with
 * {@code expected-verdicts.tsv}, and the table is written to {@code target/verdict-table.md}.
 *
 * <p>{@code -Dpeers.reuse=true} skips the runs and uses the {@code report.json} files already
 * there (to re-render the table after editing the notes). {@code -Dpeers.readme=update} also writes the table into conformance-tests/README.md and the
 * summary into the root README; {@code -Dpeers.expected=update} rewrites the expected table from
 * this run (review the diff).
 */
class PeersIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RESOURCES = Path.of("src", "test", "resources");
    private static final Path EXPECTED = RESOURCES.resolve("expected-verdicts.tsv");
    private static final List<String> KEYS = new ArrayList<>();
    private static final Map<String, Throwable> FAILED_RUNS = new LinkedHashMap<>();
    private static VerdictTable table;
    private static ExpectedVerdicts expected;

    @BeforeAll
    static void runSuiteAgainstEachPeer() throws Exception {
        Map<String, Callable<Peer>> peers = new LinkedHashMap<>();
        peers.put("spring-mvc", SpringMvcPeer::start);
        peers.put("spring-webflux", SpringWebFluxPeer::start);
        peers.put("resteasy", ResteasyPeer::start);
        peers.put("helidon", HelidonPeer::start);
        peers.put("quarkus", QuarkusPeer::start);
        KEYS.addAll(peers.keySet());
        if (!Boolean.getBoolean("peers.reuse")) {
            runAll(peers);
        }
        table = VerdictTable.load(ROOT, RESOURCES.resolve("verdict-columns.tsv"), RESOURCES.resolve("failure-notes.tsv"));
        expected = ExpectedVerdicts.read(EXPECTED);
        writeOutputs();
    }

    private static void runAll(Map<String, Callable<Peer>> peers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(peers.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            peers.forEach((key, start) -> runs.add(pool.submit(() -> {
                try (Peer peer = start.call()) {
                    awaitReady(peer);
                    Report report = Conformance.run(peer.base(), Options.builder().loadClients(50).build());
                    ReportFiles.write(report, Path.of("target", "peer-reports", key), false);
                    System.out.println(key + ": " + report.summaryLine());
                }
                return null;
            })));
            for (int i = 0; i < runs.size(); i++) {
                String key = KEYS.get(i);
                try {
                    runs.get(i).get();
                } catch (ExecutionException e) {
                    // Recorded, so the other peers are still compared; this peer's test fails with the cause.
                    FAILED_RUNS.put(key, e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits until the peer answers {@code GET B/capabilities} (at most 60 s): a peer counts as started
     * when it serves, and a first request on a loaded machine may be slow while a stack warms up,
     * which is not what the suite measures.
     */
    private static void awaitReady(Peer peer) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(peer.base() + "/capabilities"))
                .timeout(Duration.ofSeconds(60)).GET().build();
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).as("GET " + request.uri()).isEqualTo(200);
    }

    private static void writeOutputs() throws Exception {
        Files.writeString(Path.of("target", "verdict-table.md"), table.markdown(), StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "verdict-summary.md"), table.summary(), StandardCharsets.UTF_8);
        Map<String, ReportFile> peerReports = new LinkedHashMap<>();
        Stream.concat(expected.peers().stream(), KEYS.stream()).distinct().forEach(p -> {
            if (table.reports().containsKey(p)) {
                peerReports.put(p, table.reports().get(p));
            }
        });
        String actual = ExpectedVerdicts.rewrite(expected, peerReports);
        Files.writeString(Path.of("target", "expected-verdicts.actual.tsv"), actual, StandardCharsets.UTF_8);
        if ("update".equals(System.getProperty("peers.expected"))) {
            Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
            expected = ExpectedVerdicts.read(EXPECTED);
        }
        if ("update".equals(System.getProperty("peers.readme")) && FAILED_RUNS.isEmpty()) {
            assertThat(table.missing()).as("every column needs its report to update the READMEs").isEmpty();
            VerdictTable.splice(ROOT.resolve("conformance-tests/README.md"), VerdictTable.BEGIN, VerdictTable.END,
                    table.markdown());
            VerdictTable.splice(ROOT.resolve("README.md"), VerdictTable.SUMMARY_BEGIN, VerdictTable.SUMMARY_END,
                    table.summary());
        }
    }

    @TestFactory
    Stream<DynamicTest> eachPeerGetsItsExpectedVerdicts() {
        return expected.peers().stream().map(peer -> DynamicTest.dynamicTest(peer, () -> {
            if (FAILED_RUNS.containsKey(peer)) {
                throw new AssertionError("the suite could not run against " + peer, FAILED_RUNS.get(peer));
            }
            assertThat(table.reports()).as("the report of " + peer + " (conformance-tests' PeersIT writes Jetty's "
                    + "and Jersey's; run the build with -am)").containsKey(peer);
            assertThat(expected.differences(peer, table.reports().get(peer)))
                    .as("verdicts of " + peer + " against " + EXPECTED + " (this run: target/expected-verdicts.actual.tsv)")
                    .isEmpty();
        }));
    }

    @Test
    void everyFailedCellSaysWhatItMeansForAUser() {
        assertThat(table.failedWithoutNote()).as("FAILED cells without a line in failure-notes.tsv").isEmpty();
    }
}
