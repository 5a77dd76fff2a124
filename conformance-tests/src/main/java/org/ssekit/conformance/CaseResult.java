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
package org.ssekit.conformance;

import java.time.Duration;
import java.util.Objects;

/**
 * The verdict on one case with its evidence.
 *
 * @param conformanceCase the case
 * @param verdict         the verdict
 * @param expected        what the rule asks for, concretely
 * @param actual          what the server did
 * @param wireLog         the rendered wire log (requests, heads, body bytes with times)
 * @param duration        how long the case took
 */
public record CaseResult(ConformanceCase conformanceCase, Verdict verdict, String expected, String actual,
                         String wireLog, Duration duration) {
    /** Checks that no component is null. */
    public CaseResult {
        Objects.requireNonNull(conformanceCase, "conformanceCase");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(wireLog, "wireLog");
        Objects.requireNonNull(duration, "duration");
    }

    /** The case id. */
    public String id() {
        return conformanceCase.id();
    }

    /** One console line: {@code FRM-05  MUST    OK          split a payload ...}. */
    public String summaryLine() {
        return String.format("%-7s %-6s %-13s %s%s", id(), conformanceCase.level(), verdict.label(),
                conformanceCase.title(), verdict == Verdict.OK ? "" : "  -- " + firstLine(actual));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline) + " ...";
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
