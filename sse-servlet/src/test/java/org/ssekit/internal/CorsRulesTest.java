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
class CorsRulesTest {
    private final CorsPolicy policy = CorsPolicy.builder().allowOrigin("https://app.example").build();

    @ParameterizedTest(name = "Origin [{0}] to Host [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "NONE | api.example | SAME_ORIGIN",
        "https://app.example | api.example | ALLOWED",
        "HTTPS://APP.EXAMPLE | api.example | ALLOWED",
        "https://evil.example | api.example | REFUSED",
        "https://app.example.evil | api.example | REFUSED",
        "null | api.example | REFUSED",
        "http://api.example | api.example | SAME_ORIGIN",
        "http://api.example:80 | api.example | SAME_ORIGIN",
        "http://localhost:8080 | localhost:8080 | SAME_ORIGIN",
        "http://127.0.0.1:8080 | localhost:8080 | REFUSED",
        "https://api.example | api.example:443 | SAME_ORIGIN",
    })
    void decides(String origin, String host, CorsRules.Outcome outcome) {
        assertThat(CorsRules.check(policy, origin, host)).isEqualTo(outcome);
    }

    @Test
    void cors02ExactOriginWithCredentialsAndVary() {
        Map<String, String> headers = new LinkedHashMap<>();
        CorsRules.allowHeaders(policy, "https://app.example", headers::put);
        assertThat(headers).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "https://app.example"),
                Map.entry("Access-Control-Allow-Credentials", "true"),
                Map.entry("Vary", "Origin"));
    }

    @Test
    void cors06PreflightNamesEveryHeader() {
        Map<String, String> headers = new LinkedHashMap<>();
        CorsRules.preflightHeaders(policy, "https://app.example", headers::put);
        assertThat(headers.get("Access-Control-Allow-Methods")).contains("GET");
        assertThat(headers.get("Access-Control-Allow-Headers")).contains("Authorization", "Last-Event-ID")
                .doesNotContain("*");
        assertThat(headers.get("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
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
