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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real headless Chromium and the six-connection limit: {@code streams.html} opens twelve
 * EventSources to one origin. Over https Chromium speaks h2 (ALPN; the self-signed
 * certificate is accepted with {@code --ignore-certificate-errors}) and all twelve share one
 * connection: every one gets its events, and after the server drops them all, every one
 * reconnects with Last-Event-ID with no tick missed or repeated. Over plain http (HTTP/1.1:
 * browsers never use h2c) the same page gets six open streams; the seventh to twelfth stay
 * connecting, which is the documented contrast.
 */
class BrowserHttp2IT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int STREAMS = 12;
    private static ExampleServer server;
    private static HttpClient http;
    private Browser browser;

    @BeforeAll
    static void startServer() throws Exception {
        server = ExampleServer.start(0);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start("--ignore-certificate-errors");
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> streams() {
        return (List<Map<String, Object>>) browser.driver.executeScript("return window.streams || [];");
    }

    private long count(String state) {
        return streams().stream().filter(s -> state.equals(s.get("state"))).count();
    }

    private static long number(Map<String, Object> stream, String field) {
        return ((Number) stream.get(field)).longValue();
    }

    @Test
    void twelveEventSourcesOverH2AllReceiveAndResumeAfterAServerSideDrop() throws Exception {
        browser.driver.get(server.httpsUri().resolve("streams.html?n=" + STREAMS).toString());
        browser.waiting(WAIT).until(d -> streams().size() == STREAMS
                && streams().stream().allMatch(s -> "open".equals(s.get("state")) && number(s, "received") >= 2));
        Object protocol = browser.driver.executeScript(
                "return performance.getEntriesByType('navigation')[0].nextHopProtocol;");
        assertThat(protocol).as("the page's protocol").isEqualTo("h2");
        List<Map<String, Object>> before = streams();
        browser.screenshot("streams-h2-open");

        HttpResponse<String> drop = http.send(HttpRequest.newBuilder(server.uri().resolve("api/drop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(drop.statusCode()).isEqualTo(200);
        browser.waiting(WAIT).until(d -> {
            List<Map<String, Object>> now = streams();
            for (int i = 0; i < STREAMS; i++) {
                if (number(now.get(i), "opens") < 2
                        || number(now.get(i), "received") < number(before.get(i), "received") + 2) {
                    return false;
                }
            }
            return true;
        });
        browser.screenshot("streams-h2-resumed");
        for (Map<String, Object> stream : streams()) {
            assertThat(number(stream, "missed")).as("missed " + stream).isZero();
            assertThat(number(stream, "repeated")).as("repeated " + stream).isZero();
            assertThat(stream.get("state")).isEqualTo("open");
        }
    }

    @Test
    void overHttp11OnlySixOfTwelveOpen() throws Exception {
        URI page = server.uri().resolve("streams.html?n=" + STREAMS);
        browser.driver.get(page.toString());
        browser.waiting(WAIT).until(d -> streams().size() == STREAMS && count("open") >= 6);
        // The other six wait for a free connection: none opens within a few seconds.
        Awaitility.await("six open streams over HTTP/1.1, for 4 s").during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250)).until(() -> count("open") == 6);
        assertThat(count("connecting")).as("streams still connecting").isEqualTo(STREAMS - 6);
        Object protocol = browser.driver.executeScript(
                "return performance.getEntriesByType('navigation')[0].nextHopProtocol;");
        assertThat(protocol).isEqualTo("http/1.1");
        browser.screenshot("streams-http11-six");
    }
}
