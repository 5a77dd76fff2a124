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
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.WireLog;

/** FRM: what goes on the wire, line by line. */
final class Framing extends AreaCheck {
    private static final Set<String> FIELDS = Set.of("data", "event", "id", "retry");

    Framing() {
        define("FRM-01", this::validUtf8);
        define("FRM-02", this::linesFitGrammar);
        define("FRM-03", this::eventsEndWithBlankLine);
        define("FRM-04", this::oneLineEndingStyle);
        define("FRM-05", this::multiLinePayloadsSplit);
        define("FRM-06", this::leadingSpaceSurvives);
        define("FRM-07", this::emptyPayloadIsDispatched);
        define("FRM-08", this::bomOnlyAtStart);
        define("FRM-09", this::noNulInId);
        define("FRM-10", this::eventsAreWhole);
        define("FRM-11", this::eventsArePrompt);
    }

    private Outcome validUtf8(Probe probe) throws IOException {
        byte[] body = Samples.varied(probe).body();
        String expected = "the body decodes as UTF-8 without errors";
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return probe.ok(expected, body.length + " bytes of valid UTF-8");
        } catch (MalformedInputException e) {
            return probe.violation(expected, "invalid UTF-8 near byte offset " + offsetOf(body) + ": "
                    + hex(body, offsetOf(body), 8));
        } catch (CharacterCodingException e) {
            return probe.violation(expected, "undecodable body: " + e);
        }
    }

    private Outcome linesFitGrammar(Probe probe) throws IOException {
        byte[] body = Samples.varied(probe).body();
        String expected = "only blank lines, comments and the fields data, event, id, retry";
        String text = new String(body, StandardCharsets.UTF_8);
        if (isInvalidUtf8(body)) {
            return probe.violation(expected, "the body is not UTF-8, so it is not a stream of Unicode lines");
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (StreamLines.Line line : StreamLines.of(text)) {
            if (!line.field().isEmpty() && !FIELDS.contains(line.field())) {
                unknown.add(WireLog.escape(line.field()));
            }
        }
        if (!unknown.isEmpty()) {
            return probe.info(expected, "fields a browser ignores: " + unknown);
        }
        return probe.ok(expected, "every line is blank, a comment or a known field");
    }

    private Outcome eventsEndWithBlankLine(Probe probe) throws IOException {
        HttpExchange exchange = Samples.varied(probe);
        String expected = "when the stream pauses, the last event is complete (ends with a blank line)";
        if (exchange.body().length == 0) {
            return probe.ok(expected, "nothing was sent within 3 s, so nothing is half sent");
        }
        if (exchange.hasPendingEvent()) {
            List<StreamLines.Line> lines = StreamLines.of(exchange.body());
            String tail = WireLog.escape(String.join("|", lines.subList(Math.max(0, lines.size() - 3), lines.size())
                    .stream().map(l -> l.text() + l.terminator()).toList()));
            return probe.violation(expected, "the stream paused in the middle of an event; its tail: " + tail);
        }
        return probe.ok(expected, "the stream paused on an event boundary");
    }

    private Outcome oneLineEndingStyle(Probe probe) throws IOException {
        List<StreamLines.Line> lines = StreamLines.of(Samples.varied(probe).body());
        Map<String, Integer> styles = new LinkedHashMap<>();
        lines.stream().filter(l -> !l.terminator().isEmpty())
                .forEach(l -> styles.merge(WireLog.escape(l.terminator()), 1, Integer::sum));
        String expected = "one line-ending style, preferably LF";
        String counted = styles.entrySet().stream().map(e -> e.getValue() + " lines ending " + e.getKey())
                .collect(Collectors.joining(", "));
        if (styles.size() > 1) {
            return probe.violation(expected, "mixed line endings: " + counted);
        }
        return probe.ok(expected, styles.isEmpty() ? "no complete line received" : counted);
    }

    private Outcome multiLinePayloadsSplit(Probe probe) throws IOException {
        List<String> payloads = List.of("a\nb", "a\rb", "a\r\nb", "x\n\ny", "trailing\n", "\nleading");
        return roundTrip(probe, payloads, "each payload reassembled with CR and CRLF turned into LF");
    }

    private Outcome leadingSpaceSurvives(Probe probe) throws IOException {
        return roundTrip(probe, List.of(" one space", "  two spaces", " ", "data: nested"),
                "each payload received exactly, leading spaces included");
    }

    private Outcome roundTrip(Probe probe, List<String> payloads, String expected) throws IOException {
        String channel = probe.channel();
        HttpExchange exchange = probe.stream(channel);
        List<String> refused = new ArrayList<>();
        for (String payload : payloads) {
            int status = probe.fixture().publish(channel, Map.of("data", payload), probe.log()).status();
            if (status != 200) {
                refused.add(WireLog.escape(payload) + " -> " + status);
            }
        }
        String marker = "end-" + channel;
        probe.publish(channel, marker);
        exchange.awaitData(marker, Probe.EVENT_TIMEOUT);
        List<String> received = exchange.eventData();
        List<String> problems = new ArrayList<>();
        refused.forEach(r -> problems.add("publish refused: " + r));
        List<String> wanted = payloads.stream().map(p -> p.replace("\r\n", "\n").replace('\r', '\n')).toList();
        List<String> got = received.subList(0, Math.max(0, received.indexOf(marker)));
        for (int i = 0; i < payloads.size(); i++) {
            String actual = i < got.size() ? "\"" + WireLog.escape(got.get(i)) + "\"" : "nothing";
            if (i >= got.size() || !got.get(i).equals(wanted.get(i))) {
                problems.add("sent \"" + WireLog.escape(payloads.get(i)) + "\", expected \""
                        + WireLog.escape(wanted.get(i)) + "\", received " + actual);
            }
        }
        return probe.judge(expected, problems, "all " + payloads.size() + " payloads arrived intact");
    }

    private Outcome emptyPayloadIsDispatched(Probe probe) throws IOException {
        String channel = probe.channel();
        HttpExchange exchange = probe.stream(channel);
        probe.publish(channel, "");
        String marker = "after-empty";
        probe.publish(channel, marker);
        exchange.awaitData(marker, Probe.EVENT_TIMEOUT);
        List<String> received = exchange.eventData();
        String expected = "an event with empty data dispatched before \"" + marker + "\"";
        int index = received.indexOf(marker);
        if (index > 0 && received.get(index - 1).isEmpty()) {
            return probe.ok(expected, "received an empty event");
        }
        return probe.violation(expected, "no empty event was dispatched; received " + received);
    }

    private Outcome bomOnlyAtStart(Probe probe) throws IOException {
        byte[] body = Samples.varied(probe).body();
        String expected = "no U+FEFF at the start of any line after offset 0";
        List<StreamLines.Line> lines = StreamLines.of(body);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).text().startsWith("\uFEFF")) {
                return probe.violation(expected, "line " + (i + 1) + " starts with a BOM: "
                        + WireLog.escape(lines.get(i).text()));
            }
        }
        boolean leading = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB
                && (body[2] & 0xff) == 0xBF;
        return probe.ok(expected, leading ? "one BOM at offset 0 (allowed)" : "no BOM");
    }

    private Outcome noNulInId(Probe probe) throws IOException {
        String expected = "no id line contains U+0000";
        for (StreamLines.Line line : StreamLines.of(Samples.varied(probe).body())) {
            if (line.field().equals("id") && line.value().indexOf('\u0000') >= 0) {
                return probe.violation(expected, "id line with NUL: " + WireLog.escape(line.text()));
            }
        }
        return probe.ok(expected, "no id line contains NUL");
    }

    private Outcome eventsAreWhole(Probe probe) throws IOException, InterruptedException {
        String channel = probe.channel();
        HttpExchange exchange = probe.stream(channel);
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            payloads.add(multiLinePayload(i));
        }
        publishConcurrently(probe, channel, payloads);
        String marker = "end-" + channel;
        probe.publish(channel, marker);
        exchange.awaitData(marker, Probe.EVENT_TIMEOUT);
        List<String> problems = new ArrayList<>();
        List<String> received = exchange.eventData();
        Set<String> seen = new HashSet<>(received);
        long missing = payloads.stream().filter(p -> !seen.contains(p)).count();
        if (missing > 0) {
            problems.add(missing + " of " + payloads.size() + " concurrently published events did not arrive intact");
        }
        interleavedComments(exchange.body()).forEach(problems::add);
        return probe.judge("24 events of 8 lines each, published from 4 threads, each arrives whole", problems,
                "every event arrived whole, nothing inside an event");
    }

    private static String multiLinePayload(int index) {
        StringBuilder payload = new StringBuilder();
        for (int line = 0; line < 8; line++) {
            payload.append(line == 0 ? "" : "\n").append("event ").append(index).append(" line ").append(line)
                    .append(' ').append("x".repeat(120));
        }
        return payload.toString();
    }

    private static void publishConcurrently(Probe probe, String channel, List<String> payloads)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String payload : payloads) {
                results.add(pool.submit(() -> probe.publish(channel, payload)));
            }
            for (Future<String> result : results) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Comment lines that arrived between the fields of one event. */
    private static List<String> interleavedComments(byte[] body) {
        List<String> found = new ArrayList<>();
        boolean inEvent = false;
        for (StreamLines.Line line : StreamLines.of(body)) {
            if (line.isBlank()) {
                inEvent = false;
            } else if (line.isComment()) {
                if (inEvent) {
                    found.add("comment inside an event: " + WireLog.escape(line.text()));
                }
            } else {
                inEvent = true;
            }
        }
        return found;
    }

    private Outcome eventsArePrompt(Probe probe) throws IOException {
        String channel = probe.channel();
        HttpExchange exchange = probe.stream(channel);
        exchange.awaitQuiet(Probe.QUIET, Duration.ofSeconds(1));
        long[] latencies = new long[5];
        for (int i = 0; i < latencies.length; i++) {
            String data = "prompt-" + i;
            long start = System.nanoTime();
            probe.publish(channel, data);
            if (!exchange.awaitData(data, Probe.EVENT_TIMEOUT)) {
                return probe.violation("each event arrives within 100 ms", "\"" + data + "\" did not arrive within 5 s");
            }
            long arrival = exchange.events().stream().filter(e -> e.event().data().equals(data)).findFirst()
                    .orElseThrow().arrivalNanos();
            latencies[i] = (arrival - start) / 1_000_000;
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        String actual = "publish-to-arrival latencies " + Arrays.toString(latencies) + " ms, median " + sorted[2] + " ms";
        return sorted[2] < 100 ? probe.ok("median latency below 100 ms", actual)
                : probe.violation("median latency below 100 ms", actual);
    }

    private static boolean isInvalidUtf8(byte[] body) {
        return offsetOf(body) >= 0;
    }

    /** The offset of the first malformed UTF-8 sequence, or -1. */
    private static int offsetOf(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    private static String hex(byte[] body, int offset, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, offset); i < Math.min(body.length, offset + count); i++) {
            out.append(String.format("%02x ", body[i]));
        }
        return out.toString().trim();
    }
}
