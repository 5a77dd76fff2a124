package org.ssekit.example;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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

    /** Runs the suite on {@code base} and turns each case into a test. */
    static Stream<DynamicTest> cases(java.net.URI base, String name) {
        Report report = Conformance.run(base, Options.defaults());
        try {
            ReportFiles.write(report, Path.of("target", "conformance", name), false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println(name + ": " + report.summaryLine());
        return report.results().stream().map(r -> DynamicTest.dynamicTest(r.id(), () -> verdict(r)));
    }

    static void verdict(CaseResult result) {
        if (result.verdict() == Verdict.UNIMPLEMENTED) {
            Assumptions.abort(result.id() + " UNIMPLEMENTED: " + result.actual());
        }
        if (result.verdict().fails(false)) {
            throw new AssertionFailedError(result.summaryLine() + "\nexpected: " + result.expected()
                    + "\nactual: " + result.actual() + "\nwire log:\n" + result.wireLog());
        }
    }
}
