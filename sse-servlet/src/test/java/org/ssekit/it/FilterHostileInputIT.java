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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input through the filter binding ({@code SseFilter} on /events, CORS allowlist
 * {@code http://allowed.example}), over raw sockets: never a 5xx, never a hang, the hostile
 * text never reflected raw, and another client served right after. The servlet and JAX-RS
 * bindings get the same rows in war-example's HostileInputIT.
 */
class FilterHostileInputIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MARK = "<x-hostile>";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = FilterServer.start("corsAllowedOrigins", "http://allowed.example", "heartbeatMillis", "1000",
                "defaultChannel", "news");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String get(String target, String... headers) {
        StringBuilder r = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) {
            r.append(h).append("\r\n");
        }
        return r.append("Connection: close\r\n\r\n").toString();
    }

    static Stream<Arguments> rows() {
        String many = String.join("&", java.util.Collections.nCopies(5000, "channel=c"));
        return Stream.of(
                Arguments.of("Last-Event-ID of 8 KiB", get("/events", "Last-Event-ID: " + "9".repeat(8 * 1024))),
                Arguments.of("Last-Event-ID of 64 KiB", get("/events", "Last-Event-ID: " + "9".repeat(64 * 1024))),
                Arguments.of("Last-Event-ID, 4 KiB unknown", get("/events", "Last-Event-ID: " + MARK + "9".repeat(4096))),
                Arguments.of("Last-Event-ID not UTF-8", get("/events", "Last-Event-ID: \u00c3\u0028\u00ff\u00fe" + MARK)),
                Arguments.of("Last-Event-ID holding NUL", get("/events", "Last-Event-ID: 1\u0000" + MARK)),
                Arguments.of("Last-Event-ID holding a bare CR", get("/events", "Last-Event-ID: 1\rdata: " + MARK)),
                Arguments.of("lastEventId query with CRLF", get("/events?lastEventId=1%0D%0Aevent:%20%3Cx-hostile%3E%0D%0A%0D%0A")),
                Arguments.of("5,000 channel parameters", get("/events?" + many)),
                Arguments.of("query string of 64 KiB", get("/events?channel=" + "q".repeat(64 * 1024))),
                Arguments.of("one header of 64 KiB", get("/events", "X-Pad: " + "p".repeat(64 * 1024))),
                Arguments.of("bad percent-encoding", get("/events?channel=%zz")),
                Arguments.of("truncated percent-encoding", get("/events?channel=%C")),
                Arguments.of("Accept: ;", get("/events", "Accept: ;")),
                Arguments.of("Accept: text/event-stream;q=1e999", get("/events", "Accept: text/event-stream;q=1e999")),
                Arguments.of("Accept: 4,000 commas", get("/events", "Accept: " + ",".repeat(4000))),
                Arguments.of("Origin: null", get("/events", "Origin: null")),
                Arguments.of("Origin: unknown", get("/events", "Origin: https://evil.example/" + MARK)),
                Arguments.of("Origin holding a bare CR", get("/events", "Origin: http://allowed.example\rX: " + MARK)),
                Arguments.of("HTTP/1.0 stream request", "GET /events HTTP/1.0\r\nAccept: text/event-stream\r\n\r\n"));
    }

    @ParameterizedTest(name = "filter: {0}")
    @MethodSource("rows")
    void neverA5xxNorAHangNorAReflection(String input, String request) throws Exception {
        long t0 = System.nanoTime();
        String answer = exchange(request);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String status = answer.startsWith("HTTP/") ? answer.substring(9, 12) : "closed";
        System.out.println("filter | " + input + " | " + status + (answer.contains("event: reset") ? " + reset event" : ""));
        assertThat(millis).as("answered within %s", WAIT).isLessThan(WAIT.toMillis());
        assertThat(status).as("%s: %s", input, answer.lines().findFirst().orElse("")).doesNotStartWith("5");
        assertThat(answer).as("the hostile text is not reflected raw").doesNotContain(MARK);
        assertThat(exchange(get("/events?channel=other")).substring(0, 12)).as("another client is served")
                .isEqualTo("HTTP/1.1 200");
    }

    /** The head and up to 300 ms of body of one request on a fresh connection. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout((int) WAIT.toMillis());
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException closedWhileSending) {
                // The server may answer and close before reading everything.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long deadline = Long.MAX_VALUE;
            try {
                while (System.nanoTime() < deadline) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    all.write(buffer, 0, n);
                    if (deadline == Long.MAX_VALUE && all.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        deadline = System.nanoTime() + 300_000_000L;
                        socket.setSoTimeout(300);
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException endOfWindow) {
                // A stream that stays open, or a reset after the answer.
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
