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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.ssekit.conformance.checks.Checks;
import org.ssekit.conformance.client.Capabilities;
import org.ssekit.conformance.client.FixtureClient;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.Tls;
import org.ssekit.conformance.client.WireLog;

/**
 * The entry point of the suite: runs every selected case of {@link Cases} against a server
 * and returns a {@link Report}.
 *
 * <pre>{@code
 * Report report = Conformance.run(URI.create("http://127.0.0.1:8080/conformance/servlet"), Options.defaults());
 * assertThat(report.passed(false)).as(report.summaryLine()).isTrue();
 * }</pre>
 *
 * <p>If {@code GET base/capabilities} answers with the fixture's JSON the suite drives the
 * server through every case; otherwise {@code base} is taken as a bare event stream URL and
 * only the black-box cases run, the rest are UNIMPLEMENTED. Stateless and thread-safe;
 * cases of one run execute one after another.
 */
public final class Conformance {
    private static final System.Logger LOG = System.getLogger(Conformance.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private Conformance() {
    }

    /**
     * Runs the suite.
     *
     * @throws TargetException when {@code base} is not an http URL or the server cannot be reached
     */
    public static Report run(URI base, Options options) {
        return run(base, options, result -> { });
    }

    /**
     * Runs the suite and reports each result to {@code listener} as soon as it is known.
     *
     * @throws TargetException when {@code base} is not an http URL or the server cannot be reached
     */
    public static Report run(URI base, Options options, Consumer<CaseResult> listener) {
        checkUrl(base);
        Tls.use(options.tls());
        checkReachable(base);
        Instant started = Instant.now();
        long start = System.nanoTime();
        Optional<Capabilities> capabilities = readCapabilities(base);
        Target target = new Target(base, options, capabilities);
        Map<String, Check> checks = new HashMap<>();
        Checks.all().forEach(check -> check.caseIds().forEach(id -> checks.put(id, check)));
        List<CaseResult> results = new ArrayList<>();
        for (ConformanceCase conformanceCase : Cases.all()) {
            if (options.selects(conformanceCase.id())) {
                CaseResult result = runCase(conformanceCase, checks.get(conformanceCase.id()), target);
                LOG.log(System.Logger.Level.DEBUG, () -> result.summaryLine());
                listener.accept(result);
                results.add(result);
            }
        }
        List<String> profiles = capabilities.map(c -> c.profiles().stream().sorted().toList()).orElse(List.of());
        return new Report(base, capabilities.isPresent(), profiles, started,
                Duration.ofNanos(System.nanoTime() - start), results);
    }

    /**
     * Parses a base URL given by a person.
     *
     * @throws TargetException when it is not an absolute http URL with a host
     */
    public static URI parseUrl(String text) {
        try {
            URI uri = new URI(text);
            checkUrl(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new TargetException("not a URL: " + text + " (" + e.getReason() + ")", e);
        }
    }

    private static CaseResult runCase(ConformanceCase conformanceCase, Check check, Target target) {
        if (conformanceCase.fixture() && !target.hasFixture()) {
            return skipped(conformanceCase, "the conformance fixture (GET " + target.base() + "/capabilities)",
                    "no fixture: only black-box cases run against a bare stream URL");
        }
        Optional<String> profile = conformanceCase.profile();
        if (profile.isPresent() && !target.declares(profile.get())) {
            return skipped(conformanceCase, "profile " + profile.get() + " declared in the capabilities",
                    "profile " + profile.get() + " not declared");
        }
        return check.run(conformanceCase, target);
    }

    private static CaseResult skipped(ConformanceCase conformanceCase, String expected, String actual) {
        return new CaseResult(conformanceCase, Verdict.UNIMPLEMENTED, expected, actual, "", Duration.ZERO);
    }

    private static void checkUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new TargetException("not an absolute http URL with a host: " + uri);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TargetException("unsupported scheme " + scheme
                    + ": the suite speaks http (HTTP/1.1 and h2c) and https (HTTP/1.1 and h2 over TLS)");
        }
    }

    private static void checkReachable(URI base) {
        int port = Tls.port(base);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), port), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new TargetException("cannot connect to " + base.getHost() + ":" + port + ": "
                    + HttpExchange.describe(e), e);
        }
    }

    private static Optional<Capabilities> readCapabilities(URI base) {
        try {
            return new FixtureClient(base).capabilities(WireLog.discarding());
        } catch (IOException e) {
            String hint = e instanceof javax.net.ssl.SSLException
                    ? " (a private or self-signed certificate: --truststore FILE --truststore-password P, or --insecure)"
                    : "";
            throw new TargetException("no HTTP response from " + base + ": " + HttpExchange.describe(e) + hint, e);
        }
    }
}
