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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ssekit.conformance.client.Capabilities;
import org.ssekit.conformance.client.EventStreamParser;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.WireLog;

/** RTY: the retry field. */
final class Retry extends AreaCheck {

    Retry() {
        define("RTY-01", this::digitsOnly);
        define("RTY-02", this::earlyAndNotEmpty);
        define("RTY-03", this::jitter);
    }

    private static List<StreamLines.Line> retryLines(List<StreamLines.Line> lines) {
        return lines.stream().filter(line -> line.field().equals("retry")).toList();
    }

    private Outcome digitsOnly(Probe probe) throws IOException {
        List<StreamLines.Line> retries = retryLines(StreamLines.of(Samples.varied(probe).body()));
        String expected = "every retry value is one or more ASCII digits";
        List<String> bad = retries.stream().filter(line -> !EventStreamParser.isAsciiDigits(line.value()))
                .map(line -> WireLog.escape(line.text())).toList();
        if (!bad.isEmpty()) {
            return probe.violation(expected, "retry lines a browser ignores: " + bad);
        }
        return probe.ok(expected, retries.isEmpty() ? "no retry field sent"
                : retries.stream().map(StreamLines.Line::text).toList().toString());
    }

    private Outcome earlyAndNotEmpty(Probe probe) throws IOException {
        List<StreamLines.Line> lines = StreamLines.of(Samples.varied(probe).body());
        String expected = "a non-empty retry before the first data line";
        int firstData = indexOf(lines, "data");
        int firstRetry = indexOf(lines, "retry");
        if (firstRetry < 0) {
            return probe.violation(expected, "no retry field sent");
        }
        if (firstData >= 0 && firstRetry > firstData) {
            return probe.violation(expected, "retry first sent on line " + (firstRetry + 1) + ", after data on line "
                    + (firstData + 1));
        }
        String value = lines.get(firstRetry).value();
        return value.isEmpty() ? probe.violation(expected, "empty retry")
                : probe.ok(expected, "retry: " + value + " on line " + (firstRetry + 1));
    }

    private static int indexOf(List<StreamLines.Line> lines, String field) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).field().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    private Outcome jitter(Probe probe) throws IOException {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpExchange exchange = probe.stream(probe.channel());
            exchange.awaitQuiet(Probe.QUIET, Probe.QUIET.multipliedBy(3));
            List<Long> retries = exchange.retries();
            seen.add(exchange.head().status() + (retries.isEmpty() ? " no retry" : " retry " + retries.get(0)));
            exchange.close();
        }
        Optional<Long> declared = probe.target().capabilities().map(Capabilities::retryMillis).filter(m -> m > 0);
        return probe.info("retry values across 3 connections (jitter), and the declared retry",
                seen + declared.map(m -> ", declared retryMillis " + m).orElse(""));
    }
}
