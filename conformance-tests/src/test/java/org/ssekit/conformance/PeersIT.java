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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssekit.conformance.fixture.FixtureServer;
import org.ssekit.conformance.peers.JerseySseFixture;
import org.ssekit.conformance.peers.JettyEventSourceFixture;

/**
 * The suite against peers on embedded Jetty: Jetty's own EventSourceServlet and Jersey's own
 * SSE, each with a small fixture, beside the reference fixture. Writes the verdict table to
 * {@code target/peers-verdicts.md} (the module README shows a copy) and checks that the
 * known faults of each peer are detected.
 */
class PeersIT {
    private static final Map<String, Report> REPORTS = new LinkedHashMap<>();

    @BeforeAll
    static void runSuiteAgainstEachPeer() throws Exception {
        Options options = Options.builder().loadClients(50).build();
        try (FixtureServer reference = FixtureServer.reference(Set.of())) {
            REPORTS.put("reference fixture (test code)", Conformance.run(reference.base(), options));
        }
        REPORTS.put("Jetty 12.0.38 EventSourceServlet", runAgainst(JettyEventSourceFixture.holder(), options));
        REPORTS.put("Jersey 3.1.11 SSE", runAgainst(JerseySseFixture.holder(), options));
    }

    private static Report runAgainst(ServletHolder holder, Options options) throws Exception {
        try (FixtureServer server = FixtureServer.start(holder, "/fx/*")) {
            return Conformance.run(server.base(), options);
        }
    }

    @AfterAll
    static void writeVerdictTable() throws Exception {
        StringBuilder table = new StringBuilder("| case | level |");
        REPORTS.keySet().forEach(name -> table.append(' ').append(name).append(" |"));
        table.append("\n|---|---|").append("---|".repeat(REPORTS.size())).append('\n');
        for (ConformanceCase c : Cases.all()) {
            table.append("| ").append(c.id()).append(' ').append(c.title()).append(" | ").append(c.level())
                    .append(c.profile().map(p -> " (" + p + ")").orElse("")).append(" |");
            for (Report report : REPORTS.values()) {
                table.append(' ').append(report.verdict(c.id()).map(Verdict::label).orElse("-")).append(" |");
            }
            table.append('\n');
        }
        table.append("| **summary** | |");
        REPORTS.values().forEach(r -> table.append(' ').append(r.summaryLine()).append(" |"));
        table.append('\n');
        Path out = Path.of("target", "peers-verdicts.md");
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println(table);
        // conformance-peers' PeersIT reads these for the verdict table and its expected verdicts.
        Map<String, String> keys = Map.of("reference fixture (test code)", "reference",
                "Jetty 12.0.38 EventSourceServlet", "jetty-eventsource", "Jersey 3.1.11 SSE", "jersey");
        for (Map.Entry<String, Report> entry : REPORTS.entrySet()) {
            ReportFiles.write(entry.getValue(), Path.of("target", "peer-reports", keys.get(entry.getKey())), false);
        }
    }

    @Test
    void referenceFixtureHasNoFailure() {
        assertThat(REPORTS.get("reference fixture (test code)").passed(false)).isTrue();
    }

    @Test
    void knownFaultsOfJettyEventSourceServletAreDetected() {
        Report jetty = REPORTS.get("Jetty 12.0.38 EventSourceServlet");
        assertThat(jetty.verdict("HDR-08")).as("exact-string Accept match").contains(Verdict.FAILED);
        assertThat(jetty.verdict("BAD-03")).as("unvalidated event names").contains(Verdict.FAILED);
        assertThat(jetty.verdict("LOAD-02")).as("blocking writes to every client in turn").contains(Verdict.FAILED);
    }

    @Test
    void knownFaultsOfJerseySseAreDetected() {
        Report jersey = REPORTS.get("Jersey 3.1.11 SSE");
        assertThat(jersey.verdict("BAD-03")).as("unvalidated id and name").contains(Verdict.FAILED);
        assertThat(jersey.verdict("BAD-04")).as("negative reconnect delay accepted").contains(Verdict.FAILED);
        assertThat(jersey.verdict("CLS-03")).as("no heartbeat, a vanished client is never noticed")
                .contains(Verdict.FAILED);
    }

    @Test
    void everyCaseIsReportedForEveryPeer() {
        REPORTS.values().forEach(report -> assertThat(report.results()).hasSize(Cases.all().size()));
    }
}
