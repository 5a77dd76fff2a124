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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssekit.conformance.CaseResult;
import org.ssekit.conformance.Report;
import org.ssekit.conformance.Verdict;

/** Renders a report as {@code report.json}. */
public final class JsonReport {
    private JsonReport() {
    }

    /** The report as JSON text. */
    public static String render(Report report, boolean strict) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("target", report.target().toString());
        root.put("fixture", report.fixture());
        root.put("profiles", report.profiles());
        root.put("started", report.started().toString());
        root.put("durationMillis", report.duration().toMillis());
        List<Object> cases = new ArrayList<>();
        report.results().forEach(result -> cases.add(caseJson(result)));
        root.put("cases", cases);
        root.put("summary", summary(report, strict));
        return Json.write(root) + "\n";
    }

    private static Map<String, Object> caseJson(CaseResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", result.id());
        json.put("title", result.conformanceCase().title());
        json.put("level", result.conformanceCase().level().name());
        json.put("profile", result.conformanceCase().profile().orElse(null));
        json.put("verdict", result.verdict().label());
        json.put("expected", result.expected());
        json.put("actual", result.actual());
        json.put("rule", result.conformanceCase().rule());
        json.put("source", result.conformanceCase().source());
        json.put("durationMillis", result.duration().toMillis());
        json.put("wireLog", result.wireLog());
        return json;
    }

    private static Map<String, Object> summary(Report report, boolean strict) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", report.results().size());
        for (Map.Entry<Verdict, Integer> count : report.summary().entrySet()) {
            summary.put(count.getKey().label(), count.getValue());
        }
        summary.put("strict", strict);
        summary.put("passed", report.passed(strict));
        return summary;
    }
}
