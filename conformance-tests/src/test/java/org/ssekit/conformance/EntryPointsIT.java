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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.ssekit.conformance.fixture.Fault;
import org.ssekit.conformance.fixture.FixtureServer;

/** The CLI's exit codes, output and files, and the JUnit factory's outcomes, against real servers. */
class EntryPointsIT {

    /** What one CLI run printed and returned. */
    private record Run(int status, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exitsZeroAndWritesTheReportsWhenNothingFails(@TempDir Path dir) throws Exception {
        try (FixtureServer server = FixtureServer.reference(Set.of())) {
            Run run = cli("--only", "FRM-05,HDR-02,HB-01", "--report", dir.toString(), server.base().toString());
            assertThat(run.status()).as(run.out() + run.err()).isEqualTo(Main.PASSED);
            assertThat(run.out()).contains("FRM-05  MUST   OK", "HDR-02  MUST   OK", "3 cases: 3 OK", "PASSED");
            assertThat(dir.resolve("report.json")).exists();
            assertThat(Files.readString(dir.resolve("report.html"))).contains("id=\"HB-01\"");
            assertThat(Files.readString(dir.resolve("junit.xml"))).contains("tests=\"3\" failures=\"0\"");
        }
    }

    @Test
    void exitsOneWhenAMustFails(@TempDir Path dir) throws Exception {
        try (FixtureServer server = FixtureServer.reference(Set.of(Fault.CHARSET_LATIN1))) {
            Run run = cli("--only", "HDR-03", "--report", dir.toString(), server.base().toString());
            assertThat(run.status()).isEqualTo(Main.FAILED);
            assertThat(run.out()).contains("HDR-03  MUST   FAILED", "charset=ISO-8859-1");
        }
    }

    @Test
    void nonStrictFailsOnlyUnderStrict(@TempDir Path dir) throws Exception {
        try (FixtureServer server = FixtureServer.reference(Set.of(Fault.NO_HEARTBEAT))) {
            String base = server.base().toString();
            assertThat(cli("--only", "HB-01", "--report", dir.toString(), base).status()).isEqualTo(Main.PASSED);
            assertThat(cli("--strict", "--only", "HB-01", "--report", dir.toString(), base).status())
                    .isEqualTo(Main.FAILED);
        }
    }

    @Test
    void unreachableServerIsOneLineAndExitTwo() {
        Run run = cli("http://127.0.0.1:1/fx");
        assertThat(run.status()).isEqualTo(Main.UNUSABLE);
        assertThat(run.err().strip()).startsWith("sse-conformance: cannot connect to 127.0.0.1:1").doesNotContain("\n");
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(cli().status()).isEqualTo(Main.UNUSABLE);
        assertThat(cli("not a url").status()).isEqualTo(Main.UNUSABLE);
        assertThat(cli("ftp://example.invalid/").err()).contains("unsupported scheme ftp");
        assertThat(cli("--truststore", "no-such-file.p12", "https://127.0.0.1:1/").err())
                .contains("truststore no-such-file.p12: cannot be read");
        assertThat(cli("--insecure", "--truststore", "x.p12", "https://127.0.0.1:1/").err())
                .contains("--insecure and --truststore exclude each other");
        assertThat(cli("--truststore-password", "p", "https://127.0.0.1:1/").err())
                .contains("--truststore-password needs --truststore");
        assertThat(cli("--only", "XYZ-1", "http://127.0.0.1:1/").err()).contains("unknown case id XYZ-1");
        assertThat(cli("--bogus", "http://127.0.0.1:1/").err()).contains("unknown option --bogus");
    }

    @Test
    void withoutAFixtureOnlyBlackBoxCasesRun() throws Exception {
        try (FixtureServer server = FixtureServer.reference(Set.of())) {
            Report report = Conformance.run(server.base().resolve("/fx/events?channel=bare"),
                    Options.builder().only(Set.of("HDR-02", "FRM-05", "CORS-01", "RTY-02")).build());
            assertThat(report.fixture()).isFalse();
            assertThat(report.verdict("HDR-02")).contains(Verdict.OK);
            assertThat(report.verdict("RTY-02")).contains(Verdict.OK);
            assertThat(report.verdict("FRM-05")).contains(Verdict.UNIMPLEMENTED);
            assertThat(report.verdict("CORS-01")).contains(Verdict.UNIMPLEMENTED);
        }
    }

    @Test
    void junitFactoryFailsMustFailuresAbortsUnimplementedCasesAndHoldsDeclaredOnes() throws Throwable {
        try (FixtureServer server = FixtureServer.reference(Set.of(Fault.CHARSET_LATIN1))) {
            System.setProperty("sse.url", server.base().toString());
            System.setProperty("sse.only", "HDR-02,HDR-03");
            List<DynamicTest> tests = new ConformanceTests().conformance().collect(Collectors.toList());
            Map<String, DynamicTest> byId = tests.stream()
                    .collect(Collectors.toMap(t -> t.getDisplayName().split(" ")[0], t -> t));
            byId.get("HDR-02").getExecutable().execute();
            assertThatThrownBy(() -> byId.get("HDR-03").getExecutable().execute())
                    .isInstanceOf(AssertionFailedError.class).hasMessageContaining("charset");
        } finally {
            System.clearProperty("sse.url");
            System.clearProperty("sse.only");
        }
        CaseResult skipped = new CaseResult(Cases.byId("CORS-01").orElseThrow(), Verdict.UNIMPLEMENTED, "", "x", "",
                Duration.ZERO);
        assertThatThrownBy(() -> ConformanceTests.assertVerdict(skipped, false, Set.of()))
                .isInstanceOf(TestAbortedException.class);
        // Declared unimplemented: it passes as such, and fails once the server implements it.
        ConformanceTests.assertVerdict(skipped, false, Set.of("CORS-01"));
        CaseResult implemented = new CaseResult(Cases.byId("CORS-01").orElseThrow(), Verdict.OK, "", "x", "",
                Duration.ZERO);
        assertThatThrownBy(() -> ConformanceTests.assertVerdict(implemented, false, Set.of("CORS-01")))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("declared unimplemented");
    }
}
