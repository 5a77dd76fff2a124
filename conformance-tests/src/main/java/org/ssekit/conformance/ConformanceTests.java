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

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.ssekit.conformance.client.Tls;

/**
 * Runs the suite from another project's JUnit 5 build, one dynamic test per case:
 *
 * <pre>{@code
 * mvn verify -Dtest=org.ssekit.conformance.ConformanceTests -Dsse.url=http://127.0.0.1:8080/conformance/servlet
 * }</pre>
 *
 * or extend it in the project's own test sources and override {@link #target()} to point it at
 * a server the test class starts itself (see the module README). System properties:
 * {@code sse.url} (the default {@link #target()}; without it every test is aborted),
 * {@code sse.strict=true} (NON-STRICT fails too), {@code sse.only=FRM-01,HDR-02}; for an https
 * URL {@code sse.insecure=true} (trust any certificate) or {@code sse.truststore=FILE} with
 * {@code sse.truststorePassword=P}.
 *
 * <p>FAILED fails the test with expected, actual and the wire log; NON-STRICT fails only
 * under {@code sse.strict}, otherwise it passes; OK and INFORMATIONAL pass. UNIMPLEMENTED
 * passes for a case the subclass names in {@link #unimplemented()}, and is aborted (reported as
 * skipped) with the reason for any other; a case named there that the server does implement
 * fails, so the list stays true.
 */
public class ConformanceTests {

    /** One dynamic test per case of the checklist. */
    @TestFactory
    public Stream<DynamicTest> conformance() {
        URI target = target();
        boolean strict = Boolean.getBoolean("sse.strict");
        Report report = Conformance.run(target, options(strict));
        return report.results().stream()
                .map(result -> DynamicTest.dynamicTest(result.id() + " " + result.conformanceCase().title(),
                        () -> assertVerdict(result, strict, unimplemented())));
    }

    /**
     * The ids of the cases this server does not implement by design, such as the cluster cases
     * on one node or H-05 on a plain-http URL: each must come out UNIMPLEMENTED, and then passes.
     * None by default.
     */
    protected Set<String> unimplemented() {
        return Set.of();
    }

    /**
     * The base URL to check: by default {@code -Dsse.url}, aborting the tests when it is not set.
     * A subclass that starts its own server returns that server's fixture (or stream) URL.
     */
    protected URI target() {
        String url = System.getProperty("sse.url", "");
        Assumptions.assumeFalse(url.isBlank(), "set -Dsse.url=BASE_URL to run the SSE conformance suite");
        return URI.create(url);
    }

    /** The options from the system properties. */
    protected Options options(boolean strict) {
        String only = System.getProperty("sse.only", "");
        Set<String> ids = only.isBlank() ? Set.of()
                : Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
        return Options.builder().strict(strict).only(ids).tls(tls()).build();
    }

    /** The https trust from the system properties: a trust store, any certificate, or the JDK's. */
    protected Tls tls() {
        String store = System.getProperty("sse.truststore", "");
        if (!store.isBlank()) {
            String password = System.getProperty("sse.truststorePassword");
            return Tls.trustStore(Path.of(store), password == null ? null : password.toCharArray());
        }
        return Boolean.getBoolean("sse.insecure") ? Tls.insecure() : Tls.systemDefault();
    }

    /** Fails, aborts or passes one dynamic test according to the verdict. */
    static void assertVerdict(CaseResult result, boolean strict, Set<String> unimplemented) {
        boolean declared = unimplemented.contains(result.id());
        if (result.verdict() == Verdict.UNIMPLEMENTED) {
            if (declared) {
                return;
            }
            Assumptions.abort(result.id() + " UNIMPLEMENTED: " + result.actual());
        }
        if (declared) {
            throw new AssertionFailedError(result.id() + " is declared unimplemented but came out "
                    + result.verdict().label() + ": " + result.actual());
        }
        if (result.verdict().fails(strict)) {
            throw new AssertionFailedError(result.id() + " " + result.verdict().label() + " ("
                    + result.conformanceCase().level() + "): " + result.conformanceCase().rule() + " ["
                    + result.conformanceCase().source() + "]\nexpected: " + result.expected() + "\nactual: "
                    + result.actual() + "\nwire log:\n" + result.wireLog());
        }
    }
}
