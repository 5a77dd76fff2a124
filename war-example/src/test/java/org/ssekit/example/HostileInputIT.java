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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input through both bindings of the example (the servlet fixture on SseStreams, the
 * JAX-RS fixture on sse-jaxrs), over raw sockets so every byte is the test's: never a 5xx,
 * never a hang (every answer within {@link #WAIT}), the hostile text never reflected raw,
 * nothing published from a refused request, and other clients served meanwhile. The measured
 * answers are written to target/hostile-input.md (the README table comes from it).
 */
class HostileInputIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Jetty's default idle timeout is 30 s; a silent, unfinished request head must be closed by then. */
    private static final Duration IDLE_BOUND = Duration.ofSeconds(40);
    /** Text that must never come back raw. */
    private static final String MARK = "<x-hostile>";
    private static final Map<String, String> MEASURED = new ConcurrentHashMap<>();
    private static ExampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ExampleServer.start(0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        StringBuilder table = new StringBuilder("| input | servlet fixture | JAX-RS fixture |\n|---|---|---|\n");
        Map<String, Map<String, String>> rows = new TreeMap<>();
        MEASURED.forEach((key, answer) -> {
            String[] parts = key.split("\t", 2);
            rows.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[0], answer);
        });
        rows.forEach((input, answers) -> table.append("| ").append(input).append(" | ")
                .append(answers.getOrDefault("servlet", "")).append(" | ")
                .append(answers.getOrDefault("jaxrs", "")).append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "hostile-input.md"), table);
        System.out.println(table);
    }

    /** What came back for one raw request. */
    record Answer(int status, String head, String body, long millis) {
        String describe() {
            if (status < 0) {
                return "connection closed, no answer (" + millis + " ms)";
            }
            String type = head.lines().filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            String what = type.startsWith("text/event-stream") ? "stream" : type.isEmpty() ? "" : type;
            return status + (what.isEmpty() ? "" : " " + what) + (body.contains("event: reset") ? " + reset event" : "");
        }
    }

    /** One hostile request: a name for the table and how to build it for a fixture base path. */
    record Row(String input, Function<String, byte[]> request) {
        @Override
        public String toString() {
            return input;
        }
    }

    private static byte[] get(String target, String... headers) {
        StringBuilder r = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Accept: text/event-stream\r\n");
        for (String h : headers) {
            r.append(h).append("\r\n");
        }
        return r.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String channel() {
        return "h-" + UUID.randomUUID();
    }

    static Stream<Row> streamRequests() {
        String many = String.join("&", java.util.Collections.nCopies(5000, "channel=c"));
        String hundreds = String.join("&", java.util.stream.IntStream.range(0, 300).mapToObj(i -> "channel=c" + i).toList());
        return Stream.of(
                new Row("Last-Event-ID of 8 KiB", p -> get(p + "/events?channel=" + channel(), "Last-Event-ID: " + "9".repeat(8 * 1024))),
                new Row("Last-Event-ID of 64 KiB", p -> get(p + "/events?channel=" + channel(), "Last-Event-ID: " + "9".repeat(64 * 1024))),
                new Row("Last-Event-ID of 4 KiB, unknown", p -> get(p + "/events?channel=" + channel(), "Last-Event-ID: " + MARK + "9".repeat(4096))),
                new Row("Last-Event-ID of bytes that are not UTF-8 (C3 28 FF FE)", p -> {
                    byte[] head = get(p + "/events?channel=" + channel(), "Last-Event-ID: \u00c3\u0028\u00ff\u00fe" + MARK);
                    return head;
                }),
                new Row("Last-Event-ID holding NUL", p -> get(p + "/events?channel=" + channel(), "Last-Event-ID: 1\u0000" + MARK)),
                new Row("Last-Event-ID holding a bare CR", p -> get(p + "/events?channel=" + channel(), "Last-Event-ID: 1\rdata: " + MARK)),
                new Row("lastEventId query with %0D%0A (CRLF) and an event", p -> get(p + "/events?channel=" + channel()
                        + "&lastEventId=1%0D%0Aevent:%20" + "%3Cx-hostile%3E%0D%0A%0D%0A")),
                new Row("300 channel parameters (3 KiB query)", p -> get(p + "/events?" + hundreds)),
                new Row("5,000 channel parameters (45 KiB query)", p -> get(p + "/events?" + many)),
                new Row("query string of 64 KiB", p -> get(p + "/events?channel=" + "q".repeat(64 * 1024))),
                new Row("one header of 64 KiB", p -> get(p + "/events?channel=" + channel(), "X-Pad: " + "p".repeat(64 * 1024))),
                new Row("channel name of 201 characters", p -> get(p + "/events?channel=" + "c".repeat(201))),
                new Row("bad percent-encoding (channel=%zz)", p -> get(p + "/events?channel=%zz")),
                new Row("truncated percent-encoding (channel=%C)", p -> get(p + "/events?channel=%C")),
                new Row("percent-encoded non-UTF-8 (channel=%FF%FE)", p -> get(p + "/events?channel=%FF%FE")),
                new Row("Accept: ; (a range without a type)", p -> raw("GET " + p + "/events?channel=" + channel()
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: ;\r\nConnection: close\r\n\r\n")),
                new Row("Accept: text/event-stream;q=1e999", p -> raw("GET " + p + "/events?channel=" + channel()
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream;q=1e999\r\nConnection: close\r\n\r\n")),
                new Row("Accept: */*;q=-1", p -> raw("GET " + p + "/events?channel=" + channel()
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*;q=-1\r\nConnection: close\r\n\r\n")),
                new Row("Accept: 4,000 commas", p -> raw("GET " + p + "/events?channel=" + channel()
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + ",".repeat(4000) + "\r\nConnection: close\r\n\r\n")),
                new Row("Accept: application/json only", p -> raw("GET " + p + "/events?channel=" + channel()
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nConnection: close\r\n\r\n")),
                new Row("Origin: null", p -> get(p + "/events?channel=" + channel(), "Origin: null")),
                new Row("Origin: unknown (https://evil.example)", p -> get(p + "/events?channel=" + channel(), "Origin: https://evil.example/" + MARK)),
                new Row("Origin holding a bare CR", p -> get(p + "/events?channel=" + channel(), "Origin: http://allowed.example\rX: " + MARK)),
                new Row("Origin: two origins in one", p -> get(p + "/events?channel=" + channel(), "Origin: http://allowed.example http://evil.example")),
                new Row("HTTP/1.0 stream request", p -> raw("GET " + p + "/events?channel=" + channel()
                        + " HTTP/1.0\r\nAccept: text/event-stream\r\n\r\n")),
                new Row("request line of binary bytes", p -> new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x0d, 0x0a, 0x0d, 0x0a}));
    }

    static Stream<Arguments> streamCases() {
        return Stream.of("servlet", "jaxrs").flatMap(f -> streamRequests().map(row -> Arguments.of(f, row)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("streamCases")
    void neverA5xxNorAHangNorAReflection(String fixture, Row row) throws Exception {
        Answer answer = exchange(row.request().apply("/conformance/" + fixture), WAIT);
        MEASURED.put(fixture + "\t" + row.input(), answer.describe());
        assertThat(answer.millis()).as("answered or closed within %s", WAIT).isLessThan(WAIT.toMillis());
        assertThat(answer.status() / 100).as("%s: %s", row.input(), answer.head()).isNotEqualTo(5);
        assertThat(answer.head() + answer.body()).as("the hostile text is not reflected raw").doesNotContain(MARK);
        assertThat(answer.body()).as("no injected event").doesNotContain("event: " + MARK).doesNotContain("data: " + MARK);
        assertServed(fixture);
    }

    static Stream<Arguments> publishCases() {
        return Stream.of("servlet", "jaxrs").flatMap(f -> Stream.of(
                Arguments.of(f, "body of 1 MiB + 1 byte", "{\"data\":\"" + "d".repeat(1024 * 1024) + "\"}"),
                Arguments.of(f, "body that is not JSON", "data=" + MARK),
                Arguments.of(f, "truncated JSON", "{\"data\":\"" + MARK),
                Arguments.of(f, "JSON with data a number", "{\"data\":1}"),
                Arguments.of(f, "JSON array", "[\"" + MARK + "\"]"),
                Arguments.of(f, "JSON nested object", "{\"data\":{\"x\":\"" + MARK + "\"}}"),
                Arguments.of(f, "JSON with a duplicate key", "{\"data\":\"a\",\"data\":\"b\"}"),
                Arguments.of(f, "data holding a lone surrogate", "{\"data\":\"x\\ud800y\"}"),
                Arguments.of(f, "event name holding CRLF", "{\"data\":\"x\",\"event\":\"a\\r\\ndata: " + MARK + "\"}"),
                Arguments.of(f, "id holding NUL", "{\"data\":\"x\",\"id\":\"1\\u0000\"}"),
                Arguments.of(f, "negative retry", "{\"data\":\"x\",\"retry\":-1}"),
                Arguments.of(f, "retry 1e400", "{\"data\":\"x\",\"retry\":1e400}"),
                Arguments.of(f, "10,000 nested brackets", "[".repeat(10_000)),
                Arguments.of(f, "empty body", "")));
    }

    @ParameterizedTest(name = "{0}: publish {1}")
    @MethodSource("publishCases")
    void aRefusedPublishIs4xxAndPublishesNothing(String fixture, String input, String body) throws Exception {
        String channel = channel();
        String base = "/conformance/" + fixture;
        try (EventReader subscriber = EventReader.open(java.net.http.HttpClient.newHttpClient(),
                server.uri().resolve(base.substring(1) + "/events?channel=" + channel))) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            byte[] request = raw("POST " + base + "/publish?channel=" + channel + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n");
            Answer answer = exchange(concat(request, bytes), WAIT);
            MEASURED.put(fixture + "\tpublish: " + input, answer.describe()
                    + (answer.status() == 400 ? ", " + reason(answer.body()) : ""));
            assertThat(answer.status()).as("%s: %s %s", input, answer.head(), answer.body()).isBetween(400, 499);
            assertThat(answer.body()).doesNotContain(MARK);
            byte[] ok = "{\"data\":\"after\"}".getBytes(StandardCharsets.UTF_8);
            Answer after = exchange(concat(raw("POST " + base + "/publish?channel=" + channel + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + ok.length
                    + "\r\nConnection: close\r\n\r\n"), ok), WAIT);
            assertThat(after.status()).isEqualTo(200);
            assertThat(subscriber.next(WAIT).data()).as("the first event after a refused publish").isEqualTo("after");
        }
    }

    @ParameterizedTest(name = "{0}: publish?channel=%zz")
    @MethodSource("fixtures")
    void aPublishWithBadPercentEncodingIs4xx(String fixture) throws Exception {
        byte[] ok = "{\"data\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        Answer answer = exchange(concat(raw("POST /conformance/" + fixture + "/publish?channel=%zz HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + ok.length
                + "\r\nConnection: close\r\n\r\n"), ok), WAIT);
        MEASURED.put(fixture + "\tpublish?channel=%zz (bad percent-encoding)", answer.describe());
        assertThat(answer.status()).as(answer.head() + answer.body()).isBetween(400, 499);
    }

    static Stream<String> fixtures() {
        return Stream.of("servlet", "jaxrs");
    }

    /** Two requests in one write: both answered, in order (HTTP/1.1 pipelining). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void pipelinedRequestsAreAnsweredInOrder(String fixture) throws Exception {
        String p = "/conformance/" + fixture;
        String channel = channel();
        byte[] two = raw("GET " + p + "/capabilities HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET " + p + "/events?channel=" + channel + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(two);
            String text = readUntil(socket.getInputStream(), "\r\n\r\n", WAIT);
            int first = text.indexOf("HTTP/1.1 200");
            int second = text.indexOf("HTTP/1.1 200", first + 1);
            MEASURED.put(fixture + "\tpipelining: capabilities, then a stream, in one write",
                    (second > first && first >= 0 ? "both 200, in order" : "not both answered"));
            assertThat(first).as(text).isGreaterThanOrEqualTo(0);
            assertThat(second).as("the stream answered after the JSON: %s", text).isGreaterThan(first);
            assertThat(text.substring(first, second)).contains("\"profiles\"");
            assertThat(text.substring(second)).contains("text/event-stream");
        }
    }

    /**
     * Clients that send their request head one byte every 100 ms (slowloris): other clients
     * are served meanwhile, and once they stop sending, their heads unfinished, the server
     * closes their connections (Jetty's idle timeout).
     */
    @Test
    void aSlowlorisClientDoesNotHoldUpOthers() throws Exception {
        byte[] head = raw("GET /conformance/servlet/capabilities HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                + "s".repeat(40) + "\r\n");
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
                slow.add(s);
            }
            long worst = 0;
            for (int i = 0; i < head.length; i++) {
                for (Socket s : slow) {
                    OutputStream out = s.getOutputStream();
                    out.write(head[i]);
                    out.flush();
                }
                if (i % 10 == 0) {
                    long t0 = System.nanoTime();
                    Answer other = exchange(raw("GET /conformance/servlet/capabilities HTTP/1.1\r\n"
                            + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n"), WAIT);
                    worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
                    assertThat(other.status()).isEqualTo(200);
                }
                Thread.sleep(100);
            }
            assertThat(worst).as("slowest answer to another client, ms").isLessThan(2000);
            // Then the clients stop sending, their heads unfinished: the server must close them.
            long stopped = System.nanoTime();
            Socket first = slow.get(0);
            first.setSoTimeout((int) IDLE_BOUND.toMillis());
            int read;
            try {
                read = first.getInputStream().read();
            } catch (SocketTimeoutException stillOpen) {
                read = -2;
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            long closedAfter = (System.nanoTime() - stopped) / 1_000_000;
            MEASURED.put("servlet\tslowloris: 20 clients sending their head one byte per 100 ms, then stopping",
                    "others answered 200 meanwhile (slowest " + worst + " ms); "
                            + (read == -2 ? "still open after " + closedAfter + " ms"
                            : (read >= 0 ? "answered" : "closed") + " by the server after " + closedAfter
                            + " ms of silence"));
            assertThat(read).as("the server closed the silent half-sent request (read %d after %d ms)", read,
                    closedAfter).isNotEqualTo(-2);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    private static void assertServed(String fixture) throws IOException {
        Answer other = exchange(raw("GET /conformance/" + fixture + "/capabilities HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n"), WAIT);
        assertThat(other.status()).as("another client is still served").isEqualTo(200);
    }

    private static String reason(String body) {
        try {
            String text = String.valueOf(Json.parseObject(body).get("error"));
            return "\"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
        } catch (IllegalArgumentException notJson) {
            return "";
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Sends {@code request} on a fresh connection and reads the answer: the head, then up to
     * 300 ms of body (a stream stays open), or until the server closes.
     */
    private static Answer exchange(byte[] request, Duration wait) throws IOException {
        long t0 = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout((int) wait.toMillis());
            try {
                socket.getOutputStream().write(request);
            } catch (IOException refusedWhileSending) {
                // The server may answer and close before it read everything; read what it said.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int headEnd = -1;
            long bodyDeadline = Long.MAX_VALUE;
            try {
                while (System.nanoTime() < bodyDeadline) {
                    if (headEnd >= 0) {
                        socket.setSoTimeout((int) Math.max(1, (bodyDeadline - System.nanoTime()) / 1_000_000));
                    }
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    all.write(buffer, 0, n);
                    if (headEnd < 0) {
                        headEnd = all.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
                        if (headEnd >= 0) {
                            bodyDeadline = System.nanoTime() + 300_000_000L;
                        }
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException endOfWindow) {
                // A stream that stays open, or a reset after the answer.
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            String text = all.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/")) {
                return new Answer(-1, text, "", millis);
            }
            int end = text.indexOf("\r\n\r\n");
            String headText = end < 0 ? text : text.substring(0, end);
            int status = Integer.parseInt(headText.substring(9, 12));
            return new Answer(status, headText, end < 0 ? "" : text.substring(end + 4),
                    headEnd >= 0 && millis > 300 ? millis - 300 : millis);
        }
    }

    private static String readUntil(InputStream in, String marker, Duration wait) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int second = text.indexOf("HTTP/1.1", 1);
            if (second > 0 && text.indexOf(marker, second) > 0) {
                return text;
            }
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
