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
package org.ssekit.conformance.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssekit.conformance.internal.Json;

/**
 * One {@code report.json} as the verdict table needs it: the verdict and the first line of what the
 * server did, per case id, and the summary line.
 */
record ReportFile(Path path, Map<String, String> verdicts, Map<String, String> actuals, String summary) {

    /** Reads a report written by {@code ReportFiles.write}. */
    @SuppressWarnings("unchecked")
    static ReportFile read(Path path) throws IOException {
        Map<String, Object> root = Json.parseObject(Files.readString(path, StandardCharsets.UTF_8));
        Map<String, String> verdicts = new LinkedHashMap<>();
        Map<String, String> actuals = new LinkedHashMap<>();
        for (Object item : (List<Object>) root.get("cases")) {
            Map<String, Object> c = (Map<String, Object>) item;
            verdicts.put((String) c.get("id"), (String) c.get("verdict"));
            actuals.put((String) c.get("id"), firstLine(String.valueOf(c.get("actual"))));
        }
        Map<String, Object> summary = (Map<String, Object>) root.get("summary");
        String line = verdicts.size() + " cases: " + summary.get("OK") + " OK, " + summary.get("NON-STRICT")
                + " NON-STRICT, " + summary.get("INFORMATIONAL") + " INFORMATIONAL, " + summary.get("UNIMPLEMENTED")
                + " UNIMPLEMENTED, " + summary.get("FAILED") + " FAILED";
        return new ReportFile(path, verdicts, actuals, line);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
