package org.ssekit.example;

import java.nio.file.Path;
import java.util.Set;
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
import org.ssekit.conformance.client.Tls;

/**
 * The conformance suite against both fixtures of the WAR on embedded Jetty: one test per case
 * and fixture; no MUST case may fail. The whole suite runs over https (HTTP/1.1 over TLS, and
 * h2 through ALPN for the H cases, which must not be UNIMPLEMENTED), trusting the self-signed
 * certificate by its trust store. The H cases over http (h2c) run in {@link JettyHttp2IT}.
 * Reports go to target/conformance/{servlet,jaxrs}/.
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
    Stream<DynamicContainer> bothFixturesOverHttps() {
        Options trusting = Options.builder()
                .tls(Tls.trustStore(server.keys().keyStore(), server.keys().password().toCharArray())).build();
        return Stream.of("servlet", "jaxrs").map(fixture -> DynamicContainer.dynamicContainer(fixture,
                cases(server.httpsUri().resolve("conformance/" + fixture), fixture, trusting)));
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
