package org.ssekit.example;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import org.ssekit.conformance.CaseResult;
import org.ssekit.conformance.Cases;
import org.ssekit.conformance.Conformance;
import org.ssekit.conformance.ConformanceCase;
import org.ssekit.conformance.Options;
import org.ssekit.conformance.Report;
import org.ssekit.conformance.ReportFiles;
import org.ssekit.conformance.Verdict;

/**
 * The conformance suite against both fixtures of the WAR on embedded Jetty: one test per case
 * and fixture; no MUST case may fail. Over http: HTTP/1.1, and h2c with prior knowledge for
 * H-02..H-04, which must not be UNIMPLEMENTED. Over https the H cases run in
 * {@link JettyHttp2IT}, the whole suite through nginx's h2 in {@link NginxHttp2IT}. (The whole
 * suite straight over https passed here too, but its LOAD-02, 9 TLS clients of 4 MiB each,
 * missed its 3 s bound once on a machine at load average 42.) Reports go to
 * target/conformance/{servlet,jaxrs}/.
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
        // H-05 needs an https URL: it runs in JettyHttp2IT and NginxHttp2IT, not skipped here.
        Options overHttp = Options.builder().only(Cases.all().stream().map(ConformanceCase::id)
                .filter(id -> !id.equals("H-05")).collect(Collectors.toSet())).build();
        return Stream.of("servlet", "jaxrs").map(fixture -> DynamicContainer.dynamicContainer(fixture,
                cases(server.uri().resolve("conformance/" + fixture), fixture, overHttp)));
    }

    /** Runs the suite on {@code base} and turns each case into a test. */
    static Stream<DynamicTest> cases(java.net.URI base, String name) {
        return cases(base, name, Options.defaults());
    }

    /** HTTP/2 cases that an https run against ssekit must not leave UNIMPLEMENTED. */
    static final Set<String> H2_OVER_TLS = Set.of("H-02", "H-03", "H-04", "H-05");
    /** HTTP/2 cases that an http run against ssekit (h2c) must not leave UNIMPLEMENTED. */
    static final Set<String> H2C = Set.of("H-02", "H-03", "H-04");

    /** Runs the suite on {@code base} with {@code options} and turns each case into a test. */
    static Stream<DynamicTest> cases(java.net.URI base, String name, Options options) {
        return cases(base, name, options, "https".equals(base.getScheme()) ? H2_OVER_TLS : H2C);
    }

    /**
     * Runs the suite and turns each case into a test; a case of {@code required} that is
     * UNIMPLEMENTED fails instead of being skipped.
     */
    static Stream<DynamicTest> cases(java.net.URI base, String name, Options options, Set<String> required) {
        Report report = Conformance.run(base, options);
        try {
            ReportFiles.write(report, Path.of("target", "conformance", name), false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println(name + ": " + report.summaryLine());
        return report.results().stream().map(r -> DynamicTest.dynamicTest(r.id(), () -> verdict(r, required)));
    }

    static void verdict(CaseResult result) {
        verdict(result, Set.of());
    }

    static void verdict(CaseResult result, Set<String> required) {
        if (result.verdict() == Verdict.UNIMPLEMENTED && required.contains(result.id())) {
            throw new AssertionFailedError(result.id() + " must run on this server, was UNIMPLEMENTED: " + result.actual()
                    + "\nwire log:\n" + result.wireLog());
        }
        if (result.verdict() == Verdict.UNIMPLEMENTED) {
            Assumptions.abort(result.id() + " UNIMPLEMENTED: " + result.actual());
        }
        if (result.verdict().fails(false)) {
            throw new AssertionFailedError(result.summaryLine() + "\nexpected: " + result.expected()
                    + "\nactual: " + result.actual() + "\nwire log:\n" + result.wireLog());
        }
    }
}
