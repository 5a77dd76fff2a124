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

import java.util.Map;
import org.ssekit.conformance.CaseResult;
import org.ssekit.conformance.Report;
import org.ssekit.conformance.Verdict;

/** Renders a report as a self-contained {@code report.html}: one row per case, the wire log behind each. */
public final class HtmlReport {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
            th{background:#eee}
            td.v{font-weight:bold;white-space:nowrap}
            td:first-child{white-space:nowrap}
            tr.OK td.v{background:#c8e6c9}
            tr.NON-STRICT td.v{background:#fff3b0}
            tr.INFORMATIONAL td.v{background:#cfe3ff}
            tr.UNIMPLEMENTED td.v{background:#e0e0e0;color:#555}
            tr.FAILED td.v{background:#ffcdd2}
            pre{white-space:pre-wrap;word-break:break-all;background:#f7f7f7;padding:.5em;max-height:30em;overflow:auto}
            summary{cursor:pointer;color:#1a5fb4}
            .small{color:#666;font-size:.9em}
            """;

    private HtmlReport() {
    }

    /** The report as an HTML page. */
    public static String render(Report report, boolean strict) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>SSE conformance: ").append(escape(report.target().toString())).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        out.append("<h1>SSE conformance report</h1>\n<p>Target <code>").append(escape(report.target().toString()))
                .append("</code>, ").append(report.fixture() ? "fixture with profiles " + report.profiles()
                        : "no fixture (black-box cases only)")
                .append(", started ").append(report.started()).append(", ").append(report.duration().toMillis())
                .append(" ms.</p>\n");
        out.append("<p><b>").append(report.passed(strict) ? "PASSED" : "FAILED").append("</b>")
                .append(strict ? " (strict)" : "").append(": ");
        for (Map.Entry<Verdict, Integer> count : report.summary().entrySet()) {
            out.append(count.getValue()).append(' ').append(count.getKey().label()).append(" &middot; ");
        }
        out.setLength(out.length() - " &middot; ".length());
        out.append("</p>\n<table><thead><tr><th>id</th><th>level</th><th>verdict</th><th>case</th>")
                .append("<th>expected / actual</th></tr></thead><tbody>\n");
        report.results().forEach(result -> row(result, out));
        out.append("</tbody></table>\n</body></html>\n");
        return out.toString();
    }

    private static void row(CaseResult result, StringBuilder out) {
        var c = result.conformanceCase();
        out.append("<tr class=\"").append(result.verdict().label()).append("\" id=\"").append(c.id()).append("\">")
                .append("<td>").append(c.id()).append("</td><td>").append(c.level())
                .append(c.profile().map(p -> "<br><span class=\"small\">profile " + escape(p) + "</span>").orElse(""))
                .append("</td><td class=\"v\">").append(result.verdict().label()).append("</td><td>")
                .append(escape(c.title())).append("<br><span class=\"small\">&ldquo;").append(escape(c.rule()))
                .append("&rdquo; &mdash; ").append(escape(c.source())).append("</span></td><td>")
                .append("<b>expected</b> ").append(escape(result.expected())).append("<br><b>actual</b> ")
                .append(escape(result.actual()).replace("\n", "<br>"));
        if (!result.wireLog().isEmpty()) {
            out.append("<details><summary>wire log (").append(result.duration().toMillis())
                    .append(" ms)</summary><pre>").append(escape(result.wireLog())).append("</pre></details>");
        }
        out.append("</td></tr>\n");
    }

    /** Escapes text for HTML element content and attribute values, and makes control characters visible. */
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
                    if (c < 0x20 && c != '\n' && c != '\t') {
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
