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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The module README carries its own checklist and JUnit example: the case table is the output of
 * {@code --list --markdown}, the example is the source of {@code SseEndpointConformanceIT} (a test
 * that runs). {@code -Dreadme.update=true} rewrites both sections from their sources.
 */
class ReadmeTest {
    static final String CATALOGUE_BEGIN = "<!-- catalogue:begin (java -jar sse-conformance.jar --list --markdown) -->";
    static final String CATALOGUE_END = "<!-- catalogue:end -->";
    static final String EXAMPLE_BEGIN = "<!-- junit-example:begin (src/test/java/org/ssekit/conformance/example/"
            + "SseEndpointConformanceIT.java) -->";
    static final String EXAMPLE_END = "<!-- junit-example:end -->";
    private static final Path README = Path.of("README.md");
    private static final Path EXAMPLE = Path.of("src/test/java/org/ssekit/conformance/example/SseEndpointConformanceIT.java");

    @Test
    void listPrintsEveryCaseWithLevelRuleAndSource() {
        String out = run(0, "--list");
        for (ConformanceCase c : Cases.all()) {
            assertThat(out).contains(c.id() + " ").contains(c.rule()).contains(c.source());
        }
    }

    @Test
    void listMarkdownHasOneRowPerCase() {
        String out = run(0, "--list", "--markdown");
        long rows = out.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| id ")).count();
        assertThat(rows).isEqualTo(Cases.all().size());
        assertThat(out.lines().filter(l -> l.startsWith("|")).allMatch(l -> l.endsWith(" |") || l.endsWith("|"))).isTrue();
    }

    @Test
    void markdownWithoutListAndListWithUrlAreUsageErrors() {
        run(2, "--markdown");
        run(2, "--list", "http://127.0.0.1:1/fx");
    }

    @Test
    void readmeCaseTableIsTheCatalogue() throws IOException {
        assertSection(CATALOGUE_BEGIN, CATALOGUE_END, Main.catalogue(true));
    }

    @Test
    void readmeJunitExampleIsTheTestThatRuns() throws IOException {
        assertSection(EXAMPLE_BEGIN, EXAMPLE_END, "```java\n" + Files.readString(EXAMPLE, StandardCharsets.UTF_8) + "```\n");
    }

    private static void assertSection(String begin, String end, String expected) throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from).as(README + " has " + begin).isNotNegative();
        assertThat(to).as(README + " has " + end).isGreaterThan(from);
        String current = text.substring(from + begin.length() + 1, to);
        if (Boolean.getBoolean("readme.update") && !current.equals(expected)) {
            Files.writeString(README, text.substring(0, from + begin.length()) + "\n" + expected + text.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("the section of " + README + " after " + begin
                + " (regenerate: see the README, -Dreadme.update=true)").isEqualTo(expected);
    }

    private static String run(int status, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as("exit status of " + String.join(" ", args) + "; stderr: " + err).isEqualTo(status);
        return out.toString(StandardCharsets.UTF_8);
    }
}
