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
package org.ssekit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ssekit.Broadcaster;
import org.ssekit.SseEvent;

/** CORS-01..CORS-08 through the SseFilter with an allowlist. */
class CorsIT {
    private static final String APP = "https://app.example";
    private TestServer server;
    private Broadcaster broadcaster;

    @BeforeEach
    void start() throws Exception {
        server = FilterServer.start("heartbeatMillis", "0", "corsAllowedOrigins", APP + ", http://localhost:3000");
        broadcaster = FilterServer.broadcaster(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void cors01To03AnAllowedOriginGetsItselfBackWithCredentialsAndVary() throws Exception {
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c", "Origin: " + APP, "Cookie: session=1")) {
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.header("Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(c.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(String.join(",", c.headers("Vary"))).contains("Origin");
        }
    }

    @Test
    void cors03VaryIsSentToSameOriginRequestsToo() throws Exception {
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c")) {
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.header("Access-Control-Allow-Origin")).isNull();
            assertThat(String.join(",", c.headers("Vary"))).contains("Origin");
        }
    }

    @Test
    void cors04ADisallowedOriginIsRefusedBeforeAnySubscription() throws Exception {
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c", "Origin: https://evil.example")) {
            assertThat(c.status()).isEqualTo(403);
            assertThat(c.header("Access-Control-Allow-Origin")).isNull();
            assertThat(c.readFor(Duration.ofMillis(200))).doesNotContain("evil");
        }
        assertThat(broadcaster.subscribers()).isZero();
    }

    @Test
    void cors05TheNullOriginIsRefused() throws Exception {
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c", "Origin: null")) {
            assertThat(c.status()).isEqualTo(403);
            assertThat(c.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void cors06And07APreflightIsAnsweredExplicitlyAndOpensNothing() throws Exception {
        try (RawClient c = RawClient.request(server.port(), "OPTIONS", "/events?channel=c", List.of(
                "Origin: " + APP, "Access-Control-Request-Method: GET",
                "Access-Control-Request-Headers: authorization, last-event-id"), 0)) {
            assertThat(c.status()).isBetween(200, 299);
            assertThat(c.header("Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(c.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(c.header("Access-Control-Allow-Methods")).contains("GET");
            assertThat(c.header("Access-Control-Allow-Headers").toLowerCase())
                    .contains("authorization").contains("last-event-id").doesNotContain("*");
            assertThat(String.join(",", c.headers("Vary"))).contains("Origin");
            assertThat(c.header("Content-Type")).isNull();
        }
        assertThat(broadcaster.subscribers()).isZero();
    }

    @Test
    void cors06APreflightFromADisallowedOriginIsRefused() throws Exception {
        try (RawClient c = RawClient.request(server.port(), "OPTIONS", "/events?channel=c", List.of(
                "Origin: https://evil.example", "Access-Control-Request-Method: GET"), 0)) {
            assertThat(c.status()).isEqualTo(403);
            assertThat(c.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void cors08ALongUnsafeLastEventIdIsAcceptedWithoutAPreflight() throws Exception {
        String id = broadcaster.publish("c", SseEvent.of("first")).toCompletableFuture().join().id();
        broadcaster.publish("c", SseEvent.of("second"));
        String unsafe = "{\"k\":\"" + "x".repeat(150) + "\"} ;,@()";
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c", "Origin: " + APP,
                "Last-Event-ID: " + unsafe)) {
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.readUntil("event: reset", Duration.ofSeconds(5))).doesNotContain(unsafe);
        }
        try (RawClient c = RawClient.get(server.port(), "/events?channel=c", "Origin: " + APP, "Last-Event-ID: " + id)) {
            assertThat(c.readUntil("data: second\n\n", Duration.ofSeconds(5))).doesNotContain("first");
        }
    }
}
