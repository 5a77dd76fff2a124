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
package org.ssekit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through a real nginx with its default proxy buffering and gzip for event streams: events
 * reach the client promptly because the WAR sends {@code X-Accel-Buffering: no}; without
 * the header nginx holds them back. The client offers gzip, as browsers do.
 */
class NginxProxyIT {
    private static final Duration PROMPT = Duration.ofMillis(100);
    private static ExampleServer server;
    private static Nginx nginx;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = ExampleServer.start(0);
        nginx = Nginx.proxyTo(server.port());
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static URI proxied(String path) {
        return URI.create("http://127.0.0.1:" + nginx.port() + "/" + path);
    }

    private static void publish(String channel, String data) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                server.uri().resolve("conformance/servlet/publish?channel=" + channel))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.object("data", data))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    /** Waits until the stream is subscribed, so that what follows measures delivery only. */
    private static void awaitSubscribed(EventReader stream, String channel) throws Exception {
        publish(channel, "ready");
        assertThat(stream.next(Duration.ofSeconds(10)).data()).isEqualTo("ready");
    }

    @Test
    void theWarSendsTheHeaderThatNginxActsOn() throws Exception {
        try (EventReader direct = EventReader.open(client, server.uri().resolve("sse/clock"))) {
            assertThat(direct.response().headers().firstValue("X-Accel-Buffering")).hasValue("no");
        }
    }

    @Test
    void eventsPassNginxPromptlyThanksToXAccelBuffering() throws Exception {
        String channel = "nginx-prompt";
        try (EventReader stream = EventReader.open(client, proxied("conformance/servlet/events?channel=" + channel),
                "Accept-Encoding", "gzip")) {
            assertThat(stream.response().headers().firstValue("Content-Encoding")).hasValue("gzip");
            awaitSubscribed(stream, channel);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                publish(channel, "event " + i);
                assertThat(stream.next(Duration.ofSeconds(2)).data()).isEqualTo("event " + i);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            System.out.println("through nginx, publish-to-arrival ms: " + millis);
            assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(PROMPT.toMillis()));
        }
    }

    private static long connections() throws Exception {
        String stats = client.send(HttpRequest.newBuilder(server.uri().resolve("conformance/servlet/stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return (Long) Json.parseObject(stats).get("connections");
    }

    @Test
    void withoutTheHeaderNginxHoldsSmallEventsBack() throws Exception {
        String channel = "nginx-buffered";
        long before = connections();
        var opening = EventReader.openAsync(client, proxied("buffered/conformance/servlet/events?channel=" + channel),
                "Accept-Encoding", "gzip");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> connections() > before);
        publish(channel, "held back");
        assertThatThrownBy(() -> opening.get(1, TimeUnit.SECONDS))
                .as("nginx holds the head and a small event of a stream without X-Accel-Buffering: no")
                .isInstanceOf(TimeoutException.class);
        // Held, not lost: enough incompressible data to fill nginx's buffers pushes it out.
        byte[] noise = new byte[96 * 1024];
        new Random(42).nextBytes(noise);
        publish(channel, Base64.getEncoder().encodeToString(noise));
        try (EventReader stream = opening.get(10, TimeUnit.SECONDS)) {
            assertThat(stream.next(Duration.ofSeconds(10)).data()).isEqualTo("held back");
        }
    }
}
