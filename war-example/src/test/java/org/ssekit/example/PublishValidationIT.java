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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FRM-01 and BAD-03 through the example's publish endpoint, on both fixtures: text that has no
 * UTF-8 form (a lone surrogate written as a JSON escape) is refused with 400 and a JSON reason
 * naming the field, never delivered rewritten as {@code ?}; nothing of a refused request
 * reaches a subscriber; a real surrogate pair goes through intact.
 */
class PublishValidationIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ExampleServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = ExampleServer.start(0);
        client = HttpClient.newBuilder().connectTimeout(WAIT).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<Arguments> refused() {
        return Stream.of("servlet", "jaxrs").flatMap(fixture -> Stream.of(
                Arguments.of(fixture, "{\"data\":\"x\\ud800y\"}", "data", "U+D800"),
                Arguments.of(fixture, "{\"data\":\"\\udc00\"}", "data", "U+DC00"),
                Arguments.of(fixture, "{\"data\":\"smile \\ude00\\ud83d\"}", "data", "U+DE00"),
                Arguments.of(fixture, "{\"data\":\"x\",\"id\":\"7\\ud800\"}", "id", "U+D800"),
                Arguments.of(fixture, "{\"data\":\"x\",\"event\":\"\\udfff\"}", "event", "U+DFFF"),
                Arguments.of(fixture, "{\"data\":\"x\",\"id\":\"1\\n2\"}", "id", "CR or LF"),
                Arguments.of(fixture, "{\"data\":\"x\",\"event\":\"a\\r\\ndata: evil\"}", "event", "CR or LF"),
                Arguments.of(fixture, "{\"data\":\"x\",\"id\":\"1\\u00002\"}", "id", "NUL")));
    }

    @ParameterizedTest(name = "{0}: {1} is 400 naming {2}")
    @MethodSource("refused")
    void refusedPublishesAre400NamingTheFieldAndPublishNothing(String fixture, String body, String field,
                                                               String reason) throws Exception {
        String channel = "v-" + UUID.randomUUID();
        URI base = server.uri().resolve("conformance/" + fixture + "/");
        try (EventReader stream = EventReader.open(client, base.resolve("events?channel=" + channel))) {
            HttpResponse<String> refused = publish(base, channel, body);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            assertThat(refused.body()).startsWith("{\"error\":").contains(field).contains(reason);

            HttpResponse<String> after = publish(base, channel, "{\"data\":\"after\"}");
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(stream.next(WAIT).data()).as("the first event the subscriber gets").isEqualTo("after");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void FRM01_aSurrogatePairIsDeliveredIntact(String fixture) throws Exception {
        String channel = "v-" + UUID.randomUUID();
        URI base = server.uri().resolve("conformance/" + fixture + "/");
        try (EventReader stream = EventReader.open(client, base.resolve("events?channel=" + channel))) {
            HttpResponse<String> sent = publish(base, channel, "{\"data\":\"a\\ud83d\\ude00b \uD834\uDD1E\"}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            assertThat(stream.next(WAIT).data()).isEqualTo("a\uD83D\uDE00b \uD834\uDD1E");
        }
    }

    static Stream<String> fixtures() {
        return Stream.of("servlet", "jaxrs");
    }

    private static HttpResponse<String> publish(URI base, String channel, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve("publish?channel=" + channel)).timeout(WAIT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
