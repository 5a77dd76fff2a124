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
package org.ssekit.conformance.internal;

import java.util.Locale;
import org.ssekit.conformance.CaseResult;
import org.ssekit.conformance.Report;
import org.ssekit.conformance.Verdict;

/**
 * Renders a report as {@code junit.xml} (the Ant/Surefire schema CI servers read): FAILED
 * (and under strict NON-STRICT) is a failure, UNIMPLEMENTED is skipped, the wire log is
 * the test's system-out.
 */
public final class JunitReport {
    private JunitReport() {
    }

    /** The report as JUnit XML. */
    public static String render(Report report, boolean strict) {
        long failures = report.results().stream().filter(r -> r.verdict().fails(strict)).count();
        long skipped = report.results().stream().filter(r -> r.verdict() == Verdict.UNIMPLEMENTED).count();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuite name=\"sse-conformance\" tests=\"").append(report.results().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(seconds(report.duration().toMillis())).append("\" timestamp=\"")
                .append(report.started()).append("\">\n");
        out.append("  <properties><property name=\"target\" value=\"").append(escape(report.target().toString()))
                .append("\"/></properties>\n");
        report.results().forEach(result -> testcase(result, strict, out));
        return out.append("</testsuite>\n").toString();
    }

    private static void testcase(CaseResult result, boolean strict, StringBuilder out) {
        var c = result.conformanceCase();
        out.append("  <testcase classname=\"sse.conformance.").append(c.area().toLowerCase(Locale.ROOT))
                .append("\" name=\"").append(escape(c.id() + " " + c.title())).append("\" time=\"")
                .append(seconds(result.duration().toMillis())).append("\">\n");
        String message = escape(result.verdict().label() + ": " + result.actual());
        if (result.verdict().fails(strict)) {
            out.append("    <failure message=\"").append(message).append("\" type=\"").append(c.level()).append("\">")
                    .append(escape("expected: " + result.expected() + "\nactual: " + result.actual()
                            + "\nrule: " + c.rule() + " (" + c.source() + ")"))
                    .append("</failure>\n");
        } else if (result.verdict() == Verdict.UNIMPLEMENTED) {
            out.append("    <skipped message=\"").append(message).append("\"/>\n");
        }
        out.append("    <system-out>").append(escape(result.verdict().label() + "\nexpected: " + result.expected()
                + "\nactual: " + result.actual() + "\n\n" + result.wireLog())).append("</system-out>\n");
        out.append("  </testcase>\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Escapes XML text and attributes and replaces characters XML 1.0 cannot carry. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
