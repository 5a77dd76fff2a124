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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.WireLog;

/** HB: comments on an idle stream (PROFILE heartbeat). */
final class Heartbeat extends AreaCheck {
    private static final long COMMON_IDLE_TIMEOUT_MILLIS = 30_000;
    private static final Duration MAX_WINDOW = Duration.ofSeconds(33);
    private static final long OPENING_MILLIS = 200;

    /**
     * What an idle stream sent.
     *
     * @param maxGapMillis the longest silence, including the one up to the end of the window
     * @param idleLines    the lines that arrived after the opening burst
     */
    private record IdleSample(long maxGapMillis, List<StreamLines.Line> idleLines) {
        List<String> comments() {
            return idleLines.stream().filter(StreamLines.Line::isComment).map(StreamLines.Line::text).toList();
        }
    }

    Heartbeat() {
        define("HB-01", this::commentEveryInterval);
        define("HB-02", this::intervalBelowIdleTimeouts);
        define("HB-03", this::heartbeatCarriesNoFields);
        define("HB-04", this::bareComment);
    }

    private static IdleSample observe(Probe probe, Duration window) throws IOException {
        HttpExchange exchange = probe.stream(probe.channel());
        exchange.await(HttpExchange::ended, window);
        long end = System.nanoTime();
        List<HttpExchange.Chunk> chunks = exchange.chunks();
        long previous = exchange.headNanos();
        long maxGap = 0;
        int idleOffset = -1;
        for (HttpExchange.Chunk chunk : chunks) {
            maxGap = Math.max(maxGap, chunk.arrivalNanos() - previous);
            previous = chunk.arrivalNanos();
            if (idleOffset < 0 && chunk.arrivalNanos() - exchange.headNanos() > OPENING_MILLIS * 1_000_000) {
                idleOffset = chunk.offset();
            }
        }
        maxGap = Math.max(maxGap, end - previous);
        byte[] body = exchange.body();
        byte[] idle = idleOffset < 0 ? new byte[0] : Arrays.copyOfRange(body, idleOffset, body.length);
        probe.note("observed " + window.toMillis() + " ms idle, longest silence " + maxGap / 1_000_000 + " ms");
        return new IdleSample(maxGap / 1_000_000, StreamLines.of(idle));
    }

    private static Duration window(Probe probe, double intervals) {
        Duration window = Duration.ofMillis((long) (probe.target().heartbeat().toMillis() * intervals) + 500);
        return window.compareTo(MAX_WINDOW) > 0 ? MAX_WINDOW : window;
    }

    private static long tolerance(Probe probe) {
        return probe.target().heartbeat().toMillis() * 3 / 2 + 250;
    }

    private Outcome commentEveryInterval(Probe probe) throws IOException {
        IdleSample sample = observe(probe, window(probe, 2.5));
        long declared = probe.target().heartbeat().toMillis();
        String expected = "a comment at least every " + declared + " ms (declared); no silence over " + tolerance(probe) + " ms";
        String actual = "longest silence " + sample.maxGapMillis() + " ms, " + sample.comments().size() + " idle comments"
                + (sample.comments().isEmpty() && !sample.idleLines().isEmpty()
                ? " (idle lines were " + sample.idleLines().stream().map(l -> WireLog.escape(l.text() + l.terminator()))
                .distinct().toList() + ", not comments)" : "");
        if (sample.comments().isEmpty() || sample.maxGapMillis() > tolerance(probe)) {
            return probe.violation(expected, actual);
        }
        return probe.ok(expected, actual);
    }

    private Outcome intervalBelowIdleTimeouts(Probe probe) throws IOException {
        long declared = probe.target().capabilities().map(c -> c.heartbeatMillis()).orElse(0L);
        String expected = "a heartbeat interval below " + COMMON_IDLE_TIMEOUT_MILLIS + " ms";
        if (declared <= 0) {
            return probe.violation(expected, "no heartbeatMillis declared");
        }
        if (declared >= COMMON_IDLE_TIMEOUT_MILLIS) {
            return probe.violation(expected, "declared heartbeatMillis " + declared);
        }
        IdleSample sample = observe(probe, window(probe, 1.5));
        String actual = "declared " + declared + " ms, longest observed silence " + sample.maxGapMillis() + " ms";
        return sample.maxGapMillis() < COMMON_IDLE_TIMEOUT_MILLIS && !sample.comments().isEmpty()
                ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }

    private Outcome heartbeatCarriesNoFields(Probe probe) throws IOException {
        IdleSample sample = observe(probe, window(probe, 1.5));
        String expected = "idle heartbeats are comments only: no id, retry, data or event field";
        List<String> fields = new ArrayList<>();
        for (StreamLines.Line line : sample.idleLines()) {
            if (!line.field().isEmpty()) {
                fields.add(WireLog.escape(line.text()));
            }
        }
        if (!fields.isEmpty()) {
            return probe.violation(expected, "fields on an idle stream: " + fields);
        }
        return probe.ok(expected, sample.comments().isEmpty() ? "nothing was sent while idle (see HB-01)"
                : sample.comments().size() + " comment lines, no fields");
    }

    private Outcome bareComment(Probe probe) throws IOException {
        IdleSample sample = observe(probe, window(probe, 1.5));
        Set<String> forms = new LinkedHashSet<>();
        sample.comments().forEach(comment -> forms.add(WireLog.escape(comment)));
        return probe.info("a bare \":\" comment line", forms.isEmpty() ? "no heartbeat seen" : "heartbeat lines: " + forms);
    }
}
