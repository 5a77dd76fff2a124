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
package org.ssekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssekit.CorsPolicy;

/** CORS-01..CORS-06 as decisions and headers. */
class CorsTest {
    private final CorsPolicy policy = CorsPolicy.builder().allowOrigin("https://app.example").build();

    @ParameterizedTest(name = "Origin [{0}] to {1}://{2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "NONE | http | api.example | SAME_ORIGIN",
        "https://app.example | http | api.example | ALLOWED",
        "HTTPS://APP.EXAMPLE | http | api.example | ALLOWED",
        "https://evil.example | http | api.example | REFUSED",
        "https://app.example.evil | http | api.example | REFUSED",
        "null | http | api.example | REFUSED",
        "http://api.example | http | api.example | SAME_ORIGIN",
        "http://api.example:80 | http | api.example | SAME_ORIGIN",
        "http://localhost:8080 | http | localhost:8080 | SAME_ORIGIN",
        "http://127.0.0.1:8080 | http | localhost:8080 | REFUSED",
        "https://api.example | https | api.example:443 | SAME_ORIGIN",
        // The scheme counts: http and https of one host are two origins.
        "https://api.example | http | api.example | REFUSED",
        "http://api.example:443 | https | api.example | REFUSED",
        "https://api.example | http | api.example:443 | REFUSED",
        "NONE | http | NONE | SAME_ORIGIN",
        "http://api.example | http | NONE | REFUSED",
    })
    void decides(String origin, String scheme, String host, Cors.Outcome outcome) {
        assertThat(Cors.check(policy, origin, scheme, host)).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "behind a proxy: Origin [{0}] with Host [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
        // The proxy rewrote Host to the upstream: the configured server origin decides, not Host.
        "https://app.example | 127.0.0.1:8080 | SAME_ORIGIN",
        "https://app.example:443 | 127.0.0.1:8080 | SAME_ORIGIN",
        // A Host that claims to be the caller's own origin makes nothing same-origin.
        "https://evil.example | evil.example | REFUSED",
        "http://app.example | app.example | REFUSED",
    })
    void aConfiguredServerOriginIsTrustedInsteadOfHost(String origin, String host, Cors.Outcome outcome) {
        CorsPolicy behindProxy = CorsPolicy.builder().serverOrigin("https://app.example").build();
        assertThat(Cors.check(behindProxy, origin, "https", host)).isEqualTo(outcome);
    }

    @Test
    void cors02ExactOriginWithCredentialsAndVary() {
        Map<String, String> headers = new LinkedHashMap<>();
        Cors.answerHeaders(policy, Cors.Outcome.ALLOWED, "https://app.example", headers::put);
        assertThat(headers).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "https://app.example"),
                Map.entry("Access-Control-Allow-Credentials", "true"),
                Map.entry("Vary", "Origin"));
    }

    @Test
    void cors06PreflightNamesEveryHeader() {
        Map<String, String> headers = new LinkedHashMap<>();
        Cors.preflightHeaders(policy, "https://app.example", headers::put);
        assertThat(headers.get("Access-Control-Allow-Methods")).contains("GET");
        assertThat(headers.get("Access-Control-Allow-Headers")).contains("Authorization", "Last-Event-ID")
                .doesNotContain("*");
        assertThat(headers.get("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    }

    @Test
    void cors03VaryOnEveryAnswerOfAPolicyThatListsOrigins() {
        for (Cors.Outcome outcome : Cors.Outcome.values()) {
            Map<String, String> headers = new LinkedHashMap<>();
            Cors.answerHeaders(policy, outcome, "https://x.example", headers::put);
            assertThat(headers).as(outcome.name()).containsEntry("Vary", "Origin");
            assertThat(headers.containsKey("Access-Control-Allow-Origin")).isEqualTo(outcome == Cors.Outcome.ALLOWED);
        }
        Map<String, String> none = new LinkedHashMap<>();
        Cors.answerHeaders(CorsPolicy.sameOrigin(), Cors.Outcome.SAME_ORIGIN, null, none::put);
        assertThat(none).isEmpty();
    }

    @Test
    void cors02WildcardWithCredentialsIsRefusedByTheBuilder() {
        assertThatThrownBy(() -> CorsPolicy.builder().allowOrigin("*").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials");
        assertThat(CorsPolicy.builder().allowOrigin("*").allowCredentials(false).build().allows("https://x.example"))
                .isTrue();
    }

    @Test
    void cors05NullOriginOnlyWhenListed() {
        assertThat(CorsPolicy.builder().allowOrigin("*").allowCredentials(false).build().allows("null")).isFalse();
        assertThat(CorsPolicy.builder().allowOrigin("null").build().allows("null")).isTrue();
    }

    @ParameterizedTest(name = "origin ''{0}'' is refused by the builder")
    @CsvSource({"example.com", "https://a.example/path", "ftp://a.example", "''"})
    void malformedOriginsAreRefused(String origin) {
        assertThatThrownBy(() -> CorsPolicy.builder().allowOrigin(origin))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin");
    }
}
