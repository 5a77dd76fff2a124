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
package org.ssekit.conformance.checks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ssekit.conformance.client.Capabilities;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.HttpRequest;
import org.ssekit.conformance.client.ResponseHead;

/** CORS: cross-origin streams with credentials, and preflights (PROFILE cors). */
final class Cors extends AreaCheck {
    private static final String EVIL = "https://evil.example.invalid";
    private static final String ACAO = "Access-Control-Allow-Origin";
    private static final String ACAC = "Access-Control-Allow-Credentials";

    Cors() {
        define("CORS-01", this::exactOrigin);
        define("CORS-02", this::credentials);
        define("CORS-03", this::varyOrigin);
        define("CORS-04", this::disallowedOrigin);
        define("CORS-05", this::nullOrigin);
        define("CORS-06", this::preflight);
        define("CORS-07", this::preflightHasNoSideEffects);
        define("CORS-08", this::unsafeLastEventId);
    }

    private static Optional<String> allowed(Probe probe) {
        return probe.target().capabilities().flatMap(Capabilities::corsAllowedOrigin);
    }

    private Outcome withOrigin(Probe probe, CorsCase body) throws IOException {
        Optional<String> origin = allowed(probe);
        if (origin.isEmpty()) {
            return probe.unimplemented("corsAllowedOrigin in the capabilities", "the fixture declares no allowed origin");
        }
        return body.run(origin.get());
    }

    private interface CorsCase {
        Outcome run(String origin) throws IOException;
    }

    private ResponseHead get(Probe probe, String origin, boolean credentials) throws IOException {
        HttpRequest request = probe.streamRequest(probe.channel()).header("Origin", origin);
        if (credentials) {
            request = request.header("Cookie", "session=conformance");
        }
        try (HttpExchange exchange = probe.open(request)) {
            return exchange.head();
        }
    }

    private Outcome exactOrigin(Probe probe) throws IOException {
        return withOrigin(probe, origin -> {
            ResponseHead head = get(probe, origin, false);
            List<String> acao = head.all(ACAO);
            String expected = ACAO + ": " + origin;
            return acao.equals(List.of(origin)) ? probe.ok(expected, expected)
                    : probe.violation(expected, head.status() + ", " + ACAO + ": " + acao);
        });
    }

    private Outcome credentials(Probe probe) throws IOException {
        return withOrigin(probe, origin -> {
            ResponseHead head = get(probe, origin, true);
            String expected = ACAO + ": " + origin + " and " + ACAC + ": true";
            String actual = ACAO + ": " + head.all(ACAO) + ", " + ACAC + ": " + head.all(ACAC);
            boolean exact = head.all(ACAO).equals(List.of(origin));
            boolean allowCredentials = head.all(ACAC).equals(List.of("true"));
            return exact && allowCredentials ? probe.ok(expected, actual) : probe.violation(expected, actual);
        });
    }

    private Outcome varyOrigin(Probe probe) throws IOException {
        return withOrigin(probe, origin -> {
            ResponseHead head = get(probe, origin, true);
            String expected = "Vary: Origin whenever " + ACAO + " echoes the origin";
            String actual = "Vary: " + head.all("Vary") + ", " + ACAO + ": " + head.all(ACAO);
            boolean dependsOnOrigin = head.all(ACAO).stream().anyMatch(v -> !v.equals("*"));
            return !dependsOnOrigin || head.lists("Vary", "Origin") ? probe.ok(expected, actual)
                    : probe.violation(expected, actual);
        });
    }

    private Outcome disallowedOrigin(Probe probe) throws IOException {
        String channel = probe.channel();
        long before = probe.streamCount(channel);
        HttpRequest request = probe.streamRequest(channel).header("Origin", EVIL)
                .header("Cookie", "session=conformance");
        String expected = "no " + ACAO + " for " + EVIL + "; preferably 403 and no subscription";
        try (HttpExchange exchange = probe.open(request)) {
            ResponseHead head = exchange.head();
            List<String> acao = head.all(ACAO);
            if (acao.contains(EVIL) || acao.contains("*")) {
                return probe.failed(expected, head.status() + " with " + ACAO + ": " + acao);
            }
            long during = probe.streamCount(channel);
            String actual = head.status() + ", no matching " + ACAO + ", open streams " + before + " -> " + during;
            if (head.status() == 403 && during <= before) {
                return probe.ok(expected, actual);
            }
            return probe.nonStrict(expected, actual + " (the disallowed origin got a response or a subscription)");
        }
    }

    private Outcome nullOrigin(Probe probe) throws IOException {
        ResponseHead head = get(probe, "null", true);
        List<String> acao = head.all(ACAO);
        String expected = "Origin: null is not allowed";
        String actual = head.status() + ", " + ACAO + ": " + acao;
        return acao.contains("null") || acao.contains("*") ? probe.violation(expected, actual) : probe.ok(expected, actual);
    }

    private ResponseHead preflight(Probe probe, String origin, String headers) throws IOException {
        return preflight(probe, probe.channel(), origin, headers);
    }

    private ResponseHead preflight(Probe probe, String channel, String origin, String headers) throws IOException {
        HttpRequest request = HttpRequest.of("OPTIONS", probe.target().streamUri(channel))
                .header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", headers);
        try (HttpExchange exchange = probe.open(request)) {
            return exchange.head();
        }
    }

    private Outcome preflight(Probe probe) throws IOException {
        return withOrigin(probe, origin -> {
            ResponseHead head = preflight(probe, origin, "authorization, last-event-id");
            List<String> problems = new ArrayList<>();
            if (head.status() / 100 != 2) {
                problems.add("status " + head.status());
            }
            if (!head.all(ACAO).equals(List.of(origin))) {
                problems.add(ACAO + ": " + head.all(ACAO));
            }
            if (!head.all(ACAC).equals(List.of("true"))) {
                problems.add(ACAC + ": " + head.all(ACAC));
            }
            if (!head.lists("Access-Control-Allow-Methods", "GET")) {
                problems.add("Access-Control-Allow-Methods: " + head.all("Access-Control-Allow-Methods"));
            }
            for (String requested : List.of("authorization", "last-event-id")) {
                if (!head.lists("Access-Control-Allow-Headers", requested)) {
                    problems.add("Access-Control-Allow-Headers does not name " + requested + ": "
                            + head.all("Access-Control-Allow-Headers"));
                }
            }
            if (!head.has("Vary")) {
                problems.add("no Vary");
            }
            return probe.judge("2xx, exact " + ACAO + ", " + ACAC + ": true, methods with GET, both headers named, Vary",
                    problems, head.describe().replace('\n', ' '));
        });
    }

    private Outcome preflightHasNoSideEffects(Probe probe) throws IOException {
        return withOrigin(probe, origin -> {
            String channel = probe.channel();
            long before = probe.streamCount(channel);
            ResponseHead head = preflight(probe, channel, origin, "last-event-id");
            long after = probe.streamCount(channel);
            String type = head.first("Content-Type").orElse("");
            String expected = "no stream and no subscription for a preflight";
            String actual = head.status() + " " + type + ", open streams " + before + " -> " + after;
            boolean stream = Headers.mediaType(type).equals("text/event-stream");
            return !stream && after <= before ? probe.ok(expected, actual) : probe.violation(expected, actual);
        });
    }

    private Outcome unsafeLastEventId(Probe probe) throws IOException {
        return withOrigin(probe, origin -> {
            String unsafe = "id\"<>{}|\\^`" + "9".repeat(140);
            List<String> problems = new ArrayList<>();
            ResponseHead direct = streamWithId(probe, origin, unsafe);
            if (direct.status() / 100 != 2 || !direct.all(ACAO).contains(origin)) {
                problems.add("without preflight: " + direct.status() + ", " + ACAO + ": " + direct.all(ACAO));
            }
            ResponseHead preflight = preflight(probe, origin, "last-event-id");
            if (preflight.status() / 100 != 2 || !preflight.lists("Access-Control-Allow-Headers", "last-event-id")) {
                problems.add("preflight: " + preflight.status() + ", Access-Control-Allow-Headers: "
                        + preflight.all("Access-Control-Allow-Headers"));
            }
            ResponseHead afterPreflight = streamWithId(probe, origin, unsafe);
            if (afterPreflight.status() / 100 != 2) {
                problems.add("after preflight: " + afterPreflight.status());
            }
            return probe.judge("2xx with " + ACAO + " for a 150-byte Last-Event-ID with unsafe characters, "
                    + "with and without a preflight", problems, "accepted both ways");
        });
    }

    private ResponseHead streamWithId(Probe probe, String origin, String lastEventId) throws IOException {
        HttpRequest request = probe.streamRequest(probe.channel()).header("Origin", origin)
                .header("Last-Event-ID", lastEventId);
        try (HttpExchange exchange = probe.open(request)) {
            return exchange.head();
        }
    }
}
