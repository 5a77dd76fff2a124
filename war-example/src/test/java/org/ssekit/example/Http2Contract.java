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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.ssekit.conformance.Options;
import org.ssekit.conformance.client.FixtureClient;
import org.ssekit.conformance.client.H2Session;
import org.ssekit.conformance.client.H2Stream;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.HttpRequest;
import org.ssekit.conformance.client.WireLog;

/**
 * The war-example's fixtures over HTTP/2 on one server: h2 over TLS (ALPN) and h2c with prior
 * knowledge, each fixture (servlet binding, JAX-RS binding where the server has JAX-RS). Per
 * RFC 9113 and the SSE rules: no connection-specific header field (on the wire and, through
 * {@link HeaderRecorder}, not even asked of the container), exact framing, heartbeats,
 * Last-Event-ID resume, many streams on one connection; and the conformance suite's H cases
 * (H-04: one stream whose client sends no WINDOW_UPDATE neither stalls the other streams of
 * its connection nor survives the slow-consumer rule, and the connection stays open).
 * A subclass starts the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Http2Contract {
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final List<Map.Entry<String, String>> STREAM_HEADERS = List.of(
            Map.entry("accept", "text/event-stream"), Map.entry("cache-control", "no-cache"));
    private static final AtomicInteger CHANNELS = new AtomicInteger();

    /** {@code http://host:port/} of the server. */
    abstract URI http();

    /** {@code https://host:port/} of the server. */
    abstract URI https();

    /** The fixtures it serves: {@code servlet}, and {@code jaxrs} where it has JAX-RS. */
    abstract List<String> fixtures();

    /** The recorder in front of its WAR. */
    abstract HeaderRecorder recorder();

    /** How the suite trusts its certificate. */
    abstract Options suiteOptions(Set<String> only);

    /** A short name for reports. */
    abstract String name();

    Stream<Arguments> transportsAndFixtures() {
        return Stream.of("h2", "h2c").flatMap(t -> fixtures().stream().map(f -> Arguments.of(t, f)));
    }

    private URI base(String transport, String fixture) {
        return (transport.equals("h2") ? https() : http()).resolve("conformance/" + fixture);
    }

    private static String channel(String hint) {
        return "h2-" + hint + "-" + CHANNELS.incrementAndGet();
    }

    private static URI events(URI base, String channel) {
        return URI.create(base + "/events?channel=" + channel);
    }

    private H2Session session(String transport, String fixture) throws Exception {
        return H2Session.connect(base(transport, fixture), WireLog.discarding(), WAIT);
    }

    private String publish(String fixture, String channel, Map<String, Object> fields) throws Exception {
        FixtureClient.Response r = new FixtureClient(http().resolve("conformance/" + fixture))
                .publish(channel, fields, WireLog.discarding());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().orElseThrow().get("id").toString();
    }

    private String publish(String fixture, String channel, String data) throws Exception {
        return publish(fixture, channel, Map.of("data", data));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndFixtures")
    void noConnectionSpecificHeaderFieldOnTheWireNorAskedOfTheContainer(String transport, String fixture)
            throws Exception {
        String channel = channel("hdr");
        try (H2Session session = session(transport, fixture)) {
            H2Stream stream = session.get(events(base(transport, fixture), channel), STREAM_HEADERS, "s", WAIT);
            assertThat(stream.head().status()).isEqualTo(200);
            assertThat(stream.head().first("content-type").orElse("")).startsWith("text/event-stream");
            assertThat(stream.head().fields()).extracting(f -> f.getKey().toLowerCase(Locale.ROOT))
                    .doesNotContainAnyElementsOf(HeaderRecorder.CONNECTION_SPECIFIC);
        }
        List<HeaderRecorder.Field> asked = recorder().fieldsFor("/conformance/" + fixture + "/events?channel=" + channel);
        // The recorder saw this response (so the check below can fail), over HTTP/2.
        assertThat(asked).extracting(HeaderRecorder.Field::name).contains("cache-control");
        assertThat(asked).extracting(HeaderRecorder.Field::protocol).containsOnly("HTTP/2.0");
        assertThat(asked).extracting(HeaderRecorder.Field::name)
                .doesNotContainAnyElementsOf(HeaderRecorder.CONNECTION_SPECIFIC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void noConnectionSpecificHeaderFieldAskedOverHttp11Either(String fixture) throws Exception {
        String channel = channel("hdr1");
        URI base = http().resolve("conformance/" + fixture);
        try (HttpExchange exchange = HttpExchange.open(HttpRequest.eventStream(events(base, channel)),
                WireLog.discarding(), "h1", WAIT)) {
            assertThat(exchange.head().status()).isEqualTo(200);
        }
        List<HeaderRecorder.Field> asked = recorder().fieldsFor("/conformance/" + fixture + "/events?channel=" + channel);
        assertThat(asked).extracting(HeaderRecorder.Field::name).contains("cache-control");
        assertThat(asked).extracting(HeaderRecorder.Field::name)
                .doesNotContainAnyElementsOf(HeaderRecorder.CONNECTION_SPECIFIC);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndFixtures")
    void framingIsExactInDataFrames(String transport, String fixture) throws Exception {
        String channel = channel("frm");
        try (H2Session session = session(transport, fixture)) {
            H2Stream stream = session.get(events(base(transport, fixture), channel), STREAM_HEADERS, "s", WAIT);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("data", "one\ntwo\r\nthree");
            fields.put("event", "multi");
            String id = publish(fixture, channel, fields);
            assertThat(stream.awaitData("one\ntwo\nthree", WAIT)).as(stream.eventData().toString()).isTrue();
            String body = new String(stream.body(), StandardCharsets.UTF_8);
            assertThat(body).contains("id: " + id + "\nevent: multi\ndata: one\ndata: two\ndata: three\n\n");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndFixtures")
    void heartbeatsKeepAnIdleStreamAlive(String transport, String fixture) throws Exception {
        try (H2Session session = session(transport, fixture)) {
            H2Stream stream = session.get(events(base(transport, fixture), channel("hb")), STREAM_HEADERS, "s", WAIT);
            // The fixture's heartbeat is 1 s: the opening comment, then at least two more.
            assertThat(stream.awaitComments(3, Duration.ofSeconds(4))).as(stream.comments().toString()).isTrue();
            assertThat(stream.eventData()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndFixtures")
    void lastEventIdResumesWithNoGapAndNoDuplicate(String transport, String fixture) throws Exception {
        String channel = channel("res");
        String first = publish(fixture, channel, "r1");
        publish(fixture, channel, "r2");
        publish(fixture, channel, "r3");
        try (H2Session session = session(transport, fixture)) {
            List<Map.Entry<String, String>> headers = new ArrayList<>(STREAM_HEADERS);
            headers.add(Map.entry("last-event-id", first));
            H2Stream stream = session.get(events(base(transport, fixture), channel), headers, "s", WAIT);
            assertThat(stream.awaitData("r3", WAIT)).as(stream.eventData().toString()).isTrue();
            publish(fixture, channel, "r4");
            assertThat(stream.awaitData("r4", WAIT)).as(stream.eventData().toString()).isTrue();
            assertThat(stream.eventData()).containsExactly("r2", "r3", "r4");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndFixtures")
    void manyStreamsOnOneConnectionEachGetTheirOwnEvents(String transport, String fixture) throws Exception {
        int count = 24;
        try (H2Session session = session(transport, fixture)) {
            List<String> channels = new ArrayList<>();
            List<H2Stream> streams = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                channels.add(channel("many"));
                streams.add(session.get(events(base(transport, fixture), channels.get(i)), STREAM_HEADERS, "s" + i, WAIT));
            }
            for (int i = 0; i < count; i++) {
                publish(fixture, channels.get(i), "m" + i);
            }
            for (int i = 0; i < count; i++) {
                assertThat(streams.get(i).awaitData("m" + i, WAIT)).as("stream " + i).isTrue();
                assertThat(streams.get(i).eventData()).as("stream " + i).containsExactly("m" + i);
            }
            assertThat(session.isOpen()).isTrue();
        }
    }

    /** The suite's HTTP version cases over h2 (TLS) and h2c, for each fixture. */
    @TestFactory
    Stream<DynamicContainer> suiteHttpVersionCases() {
        return Stream.of("https", "http").flatMap(scheme -> fixtures().stream().map(fixture -> {
            URI base = (scheme.equals("https") ? https() : http()).resolve("conformance/" + fixture);
            Set<String> only = scheme.equals("https") ? Set.of("H-01", "H-02", "H-03", "H-04", "H-05")
                    : Set.of("H-01", "H-02", "H-03", "H-04");
            Stream<DynamicTest> cases = ConformanceSelfTestIT.cases(base, name() + "-" + fixture + "-" + scheme,
                    suiteOptions(only));
            return DynamicContainer.dynamicContainer(scheme + " " + fixture, cases);
        }));
    }
}
