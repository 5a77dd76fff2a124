package org.ssekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import org.ssekit.conformance.CaseResult;
import org.ssekit.conformance.Conformance;
import org.ssekit.conformance.Options;
import org.ssekit.conformance.Report;
import org.ssekit.conformance.ReportFiles;
import org.ssekit.conformance.Verdict;

/**
 * The conformance suite against both fixtures of the WAR on embedded Jetty: one test per case
 * and fixture; no MUST case may fail. Reports go to target/conformance/{servlet,jaxrs}/.
 */
class ConformanceSelfTestIT {
    private static ExampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ExampleServer.start(0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @TestFactory
    Stream<DynamicContainer> bothFixtures() {
        return Stream.of("servlet", "jaxrs").map(fixture -> DynamicContainer.dynamicContainer(fixture,
                cases(server.uri().resolve("conformance/" + fixture), fixture)));
    }

    /**
     * The cases that are UNIMPLEMENTED on this setup (embedded Jetty speaking HTTP/1.1 only, so
     * the HTTP/2 cases H-02 and H-03 cannot run; one node, so no cluster for RES-06 and RES-07; no TLS): exactly these, no more (a broken {@code capabilities} would make dozens
     * UNIMPLEMENTED and pass them silently), no fewer (a new capability should be claimed here).
     */
    static final Set<String> EXPECTED_UNIMPLEMENTED = Set.of("H-02", "H-03", "RES-06", "RES-07");
    /** At least this many cases must be OK on each fixture (49 of 55, 4 INFORMATIONAL, when this was written). */
    static final int MIN_OK = 49;

    /** Runs the suite on {@code base} and turns each case into a test, after three about the whole run. */
    static Stream<DynamicTest> cases(java.net.URI base, String name) {
        Report report = Conformance.run(base, Options.defaults());
        try {
            ReportFiles.write(report, Path.of("target", "conformance", name), false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println(name + ": " + report.summaryLine());
        Set<String> unimplemented = report.results().stream().filter(r -> r.verdict() == Verdict.UNIMPLEMENTED)
                .map(CaseResult::id).collect(Collectors.toCollection(TreeSet::new));
        long ok = report.results().stream().filter(r -> r.verdict() == Verdict.OK).count();
        Stream<DynamicTest> whole = Stream.of(
                DynamicTest.dynamicTest("the fixture is detected", () -> assertThat(report.fixture())
                        .as("GET %s/capabilities answered a fixture", base).isTrue()),
                DynamicTest.dynamicTest("UNIMPLEMENTED is exactly " + new TreeSet<>(EXPECTED_UNIMPLEMENTED),
                        () -> assertThat(unimplemented).as(report.summaryLine())
                                .containsExactlyInAnyOrderElementsOf(EXPECTED_UNIMPLEMENTED)),
                DynamicTest.dynamicTest("at least " + MIN_OK + " cases OK", () -> assertThat(ok)
                        .as(report.summaryLine()).isGreaterThanOrEqualTo(MIN_OK)));
        return Stream.concat(whole, report.results().stream().map(r -> DynamicTest.dynamicTest(r.id(), () -> verdict(r))));
    }

    /** A case fails only when it FAILED; an UNIMPLEMENTED one passes only when it is expected. */
    static void verdict(CaseResult result) {
        if (result.verdict() == Verdict.UNIMPLEMENTED && !EXPECTED_UNIMPLEMENTED.contains(result.id())) {
            throw new AssertionFailedError(result.id() + " is UNIMPLEMENTED, which this setup does not expect: "
                    + result.actual());
        }
        if (result.verdict().fails(false)) {
            throw new AssertionFailedError(result.summaryLine() + "\nexpected: " + result.expected()
                    + "\nactual: " + result.actual() + "\nwire log:\n" + result.wireLog());
        }
    }
}
