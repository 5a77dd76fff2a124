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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssekit.conformance.internal.Json;
import org.w3c.dom.Document;

/** The three report formats carry every case with its verdict and evidence, escaped for their syntax. */
class ReportFilesTest {
    private static final String HOSTILE = "<script>&\"\u0000\r\n";

    private static Report report() {
        List<CaseResult> results = List.of(
                result("FRM-05", Verdict.FAILED), result("HDR-05", Verdict.NON_STRICT),
                result("HDR-07", Verdict.INFORMATIONAL), result("CORS-01", Verdict.UNIMPLEMENTED),
                result("HDR-01", Verdict.OK));
        return new Report(URI.create("http://127.0.0.1:1/fx"), true, List.of("resume"), Instant.EPOCH,
                Duration.ofMillis(1234), results);
    }

    private static CaseResult result(String id, Verdict verdict) {
        return new CaseResult(Cases.byId(id).orElseThrow(), verdict, "expected " + id, "actual " + HOSTILE,
                "+0ms c1 < data: " + HOSTILE, Duration.ofMillis(5));
    }

    @Test
    void jsonHasTheDocumentedShape() {
        Map<String, Object> json = Json.parseObject(ReportFiles.toJson(report(), false));
        assertThat(json.get("target")).isEqualTo("http://127.0.0.1:1/fx");
        List<?> cases = (List<?>) json.get("cases");
        assertThat(cases).hasSize(5);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) cases.get(0);
        assertThat(first).containsKeys("id", "title", "level", "verdict", "expected", "actual", "source", "wireLog");
        assertThat(first.get("verdict")).isEqualTo("FAILED");
        assertThat(first.get("actual")).isEqualTo("actual " + HOSTILE);
        Map<?, ?> summary = (Map<?, ?>) json.get("summary");
        assertThat(summary.get("FAILED")).isEqualTo(new BigDecimal(1));
        assertThat(summary.get("passed")).isEqualTo(false);
    }

    @Test
    void htmlHasOneRowPerCaseAColourPerVerdictAndEscapedWireLogs() {
        String html = ReportFiles.toHtml(report(), false);
        assertThat(html).contains("<tr class=\"FAILED\" id=\"FRM-05\">", "<tr class=\"NON-STRICT\"",
                "<tr class=\"UNIMPLEMENTED\"", "<details><summary>wire log", "&lt;script&gt;&amp;&quot;");
        assertThat(html).doesNotContain("<script", "<link", "src=", "\u0000").contains("<style>");
    }

    @Test
    void junitXmlIsWellFormedAndCountsFailuresAndSkips() throws Exception {
        Document strict = parse(ReportFiles.toJunitXml(report(), true));
        assertThat(strict.getDocumentElement().getAttribute("tests")).isEqualTo("5");
        assertThat(strict.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(strict.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
        Document lenient = parse(ReportFiles.toJunitXml(report(), false));
        assertThat(lenient.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void writesTheThreeFiles(@TempDir Path dir) throws Exception {
        List<Path> files = ReportFiles.write(report(), dir.resolve("out"), false);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("report.json", "report.html", "junit.xml");
        assertThat(Files.readString(files.get(0))).startsWith("{\"target\":");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
