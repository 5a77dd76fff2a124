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
package org.ssekit.conformance.checks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssekit.conformance.client.Capabilities;
import org.ssekit.conformance.client.FixtureClient;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.HttpRequest;
import org.ssekit.conformance.client.WireLog;

/** BAD: hostile and malformed input. */
final class BadInput extends AreaCheck {
    private static final String INJECTED = "injected";

    BadInput() {
        define("BAD-01", this::hugeLastEventId);
        define("BAD-02", this::hostileLastEventId);
        define("BAD-03", this::injectionRejected);
        define("BAD-04", this::badRetryRejected);
    }

    private Outcome hugeLastEventId(Probe probe) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int size : List.of(8 * 1024, 64 * 1024)) {
            HttpRequest request = probe.streamRequest(probe.channel()).header("Last-Event-ID", "7".repeat(size));
            try (HttpExchange exchange = probe.open(request)) {
                int status = exchange.head().status();
                answers.add(size / 1024 + " KiB -> " + status);
                if (status >= 500) {
                    problems.add(size / 1024 + " KiB Last-Event-ID answered " + status);
                }
            } catch (IOException e) {
                problems.add(size / 1024 + " KiB Last-Event-ID: no response (" + HttpExchange.describe(e) + ")");
            }
        }
        return probe.judge("431, another 4xx, or the unknown-id rule; never 5xx", problems, String.join(", ", answers));
    }

    private Outcome hostileLastEventId(Probe probe) throws IOException {
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("sql", "1' OR '1'='1' --".getBytes(StandardCharsets.UTF_8));
        values.put("html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        values.put("encoded CRLF", "1%0d%0aevent:%20injected".getBytes(StandardCharsets.UTF_8));
        values.put("non-UTF-8", new byte[] {'i', 'd', (byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> value : values.entrySet()) {
            HttpRequest request = probe.streamRequest(probe.channel()).headerBytes("Last-Event-ID", value.getValue());
            checkNotReflected(probe, request, value.getKey(), new String(value.getValue(), StandardCharsets.ISO_8859_1),
                    problems);
        }
        if (probe.target().hasFixture()) {
            String param = probe.target().capabilities().flatMap(Capabilities::lastEventIdParam).orElse("lastEventId");
            URI uri = probe.streamUri(List.of(probe.channel()), Map.of(param, "1\r\nevent: " + INJECTED + "\r\ndata: x"));
            checkNotReflected(probe, HttpRequest.eventStream(uri), "CRLF in ?" + param, "event: " + INJECTED, problems);
        }
        return probe.judge("no 5xx, the value never reflected raw, no injected event", problems,
                values.size() + " hostile values answered without reflection");
    }

    private static void checkNotReflected(Probe probe, HttpRequest request, String name, String raw,
                                          List<String> problems) throws IOException {
        try (HttpExchange exchange = probe.open(request)) {
            int status = exchange.head().status();
            if (status >= 500) {
                problems.add(name + ": answered " + status);
            }
            exchange.awaitQuiet(Probe.QUIET, Probe.QUIET.multipliedBy(3));
            String body = new String(exchange.body(), StandardCharsets.ISO_8859_1);
            String headers = exchange.head().describe();
            if (body.contains(raw) || headers.contains(raw)) {
                problems.add(name + ": reflected raw: " + WireLog.escape(raw));
            }
            if (exchange.events().stream().anyMatch(e -> e.event().type().equals(INJECTED))) {
                problems.add(name + ": an injected event was dispatched");
            }
        }
    }

    private Outcome injectionRejected(Probe probe) throws IOException {
        List<Map<String, Object>> attempts = List.of(
                Map.of("data", "bad-0", "event", "a\nb"),
                Map.of("data", "bad-1", "event", "a\rb"),
                Map.of("data", "bad-2", "id", "1\r\nevent: " + INJECTED),
                Map.of("data", "bad-3", "id", "a\u0000b"));
        return rejected(probe, attempts, List.of(), "400 for CR/LF in event or id and NUL in id; nothing published");
    }

    private Outcome badRetryRejected(Probe probe) throws IOException {
        List<Map<String, Object>> attempts = List.of(
                Map.of("data", "bad-0", "retry", -1),
                Map.of("data", "bad-1", "retry", "abc"));
        return rejected(probe, attempts, List.of("{\"data\": \"bad-2\", "),
                "400 for a negative or non-numeric retry and for malformed JSON; nothing published");
    }

    private Outcome rejected(Probe probe, List<Map<String, Object>> attempts, List<String> rawBodies, String expected)
            throws IOException {
        String channel = probe.channel();
        HttpExchange exchange = probe.stream(channel);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> attempt : attempts) {
            FixtureClient.Response response = probe.fixture().publish(channel, attempt, probe.log());
            if (response.status() / 100 != 4) {
                problems.add(WireLog.escape(attempt.toString()) + " answered " + response.status());
            }
        }
        for (String body : rawBodies) {
            FixtureClient.Response response = probe.fixture().publishRaw(channel, body, probe.log());
            if (response.status() / 100 != 4) {
                problems.add("malformed JSON answered " + response.status());
            }
        }
        String marker = "after-bad-input";
        probe.publish(channel, marker);
        exchange.awaitData(marker, Probe.EVENT_TIMEOUT);
        exchange.eventData().stream().filter(data -> data.startsWith("bad-"))
                .forEach(data -> problems.add("published anyway: " + data));
        if (exchange.events().stream().anyMatch(e -> e.event().type().equals(INJECTED))) {
            problems.add("an injected event was dispatched");
        }
        return probe.judge(expected, problems, "all rejected with 4xx, nothing published");
    }
}
