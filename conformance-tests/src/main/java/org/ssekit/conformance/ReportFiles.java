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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ssekit.conformance.internal.HtmlReport;
import org.ssekit.conformance.internal.JsonReport;
import org.ssekit.conformance.internal.JunitReport;

/**
 * Writes a {@link Report} as {@code report.json}, {@code report.html} and {@code junit.xml}.
 * Stateless and thread-safe.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Writes the three files into {@code directory}, creating it when needed.
     *
     * @param strict whether NON-STRICT counts as failed in the summary and in junit.xml
     * @return the files written
     */
    public static List<Path> write(Report report, Path directory, boolean strict) throws IOException {
        Files.createDirectories(directory);
        Path json = write(directory.resolve("report.json"), toJson(report, strict));
        Path html = write(directory.resolve("report.html"), toHtml(report, strict));
        Path junit = write(directory.resolve("junit.xml"), toJunitXml(report, strict));
        return List.of(json, html, junit);
    }

    /** The {@code report.json} text. */
    public static String toJson(Report report, boolean strict) {
        return JsonReport.render(report, strict);
    }

    /** The {@code report.html} text. */
    public static String toHtml(Report report, boolean strict) {
        return HtmlReport.render(report, strict);
    }

    /** The {@code junit.xml} text. */
    public static String toJunitXml(Report report, boolean strict) {
        return JunitReport.render(report, strict);
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
