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
package org.ssekit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ssekit.CorsPolicy;
import org.ssekit.SseConfig;

/** CORS-01..08 of CONFORMANCE.md on the JAX-RS binding. */
class CorsIT {
    private static final String ALLOWED = "https://app.example.com";
    @RegisterExtension
    static final TestAppServer server = new TestAppServer(SseConfig.builder()
                .heartbeat(Duration.ZERO)
                .cors(CorsPolicy.builder().allowOrigin(ALLOWED).build())
                .build());

    private RawHttp.Head get(String... headers) throws Exception {
        try (RawHttp http = RawHttp.send(server.jetty().port(), "GET", "/news", 0, headers)) {
            return http.readHead();
        }
    }

    @Test
    void cors01to03AllowedOriginGetsItselfBackWithCredentialsAndVary() throws Exception {
        RawHttp.Head head = get("Origin", ALLOWED, "Accept", "text/event-stream");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(head.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(head.header("Vary")).containsIgnoringCase("Origin");
        assertThat(head.header("Content-Type")).isEqualTo("text/event-stream");
    }

    @Test
    void cors04OtherOriginIsRefusedBeforeAnySubscription() throws Exception {
        int before = server.app().news.size();
        RawHttp.Head head = get("Origin", "https://evil.example.com", "Accept", "text/event-stream");
        assertThat(head.status()).isEqualTo(403);
        assertThat(head.header("Access-Control-Allow-Origin")).isNull();
        assertThat(head.headers().values()).noneMatch(v -> v.contains("evil"));
        assertThat(server.app().news.size()).isEqualTo(before);
    }

    @Test
    void cors05NullOriginIsRefused() throws Exception {
        RawHttp.Head head = get("Origin", "null", "Accept", "text/event-stream");
        assertThat(head.status()).isEqualTo(403);
        assertThat(head.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void cors06And07PreflightNamesEachHeaderAndOpensNothing() throws Exception {
        int streams = server.app().sse.openStreams();
        RawHttp.Head head;
        try (RawHttp http = RawHttp.send(server.jetty().port(), "OPTIONS", "/news", 0, "Origin", ALLOWED,
                "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization, last-event-id")) {
            head = http.readHead();
        }
        assertThat(head.status()).isBetween(200, 299);
        assertThat(head.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(head.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(head.header("Access-Control-Allow-Methods")).contains("GET");
        assertThat(head.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization").contains("last-event-id");
        assertThat(head.header("Vary")).containsIgnoringCase("Origin");
        assertThat(head.header("Content-Type")).isNotEqualTo("text/event-stream");
        assertThat(server.app().sse.openStreams()).isEqualTo(streams);
    }

    @Test
    void cors06PreflightFromAnotherOriginGetsNoCorsHeaders() throws Exception {
        try (RawHttp http = RawHttp.send(server.jetty().port(), "OPTIONS", "/news", 0, "Origin", "https://evil.example.com",
                "Access-Control-Request-Method", "GET")) {
            RawHttp.Head head = http.readHead();
            assertThat(head.header("Access-Control-Allow-Origin")).isNull();
            assertThat(head.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(head.headers().values()).noneMatch(v -> v.contains("evil"));
        }
    }

    @Test
    void cors08LongUnsafeLastEventIdWithoutPreflightGetsTheResetEvent() throws Exception {
        String hostile = "x".repeat(150) + "'; DROP TABLE events; -- <script>";
        try (EventClient client = EventClient.get(server.jetty().uri("/news"), "Origin", ALLOWED, "Last-Event-ID", hostile)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            EventClient.Event reset = client.nextEvent();
            assertThat(reset.type()).isEqualTo("reset");
            assertThat(client.rawText()).doesNotContain("DROP TABLE");
        }
    }
}
