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
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ssekit.conformance.client.Tls;

/**
 * The command line: {@code java -jar sse-conformance.jar [--strict] [--only ID,...] [--report DIR]
 * [--insecure | --truststore FILE --truststore-password P] BASE_URL}; BASE_URL is http or https;
 * or {@code java -jar sse-conformance.jar --list [--markdown]} for the case catalogue.
 *
 * <p>Prints one line per case and a summary, writes {@code report.json}, {@code report.html}
 * and {@code junit.xml} under DIR (default {@code sse-conformance-report}). Exit status: 0 when
 * no case FAILED (under {@code --strict} also none NON-STRICT), 1 otherwise, 2 for a usage
 * error, a bad URL or an unreachable server.
 */
public final class Main {
    /** Nothing failed. */
    public static final int PASSED = 0;
    /** At least one case failed. */
    public static final int FAILED = 1;
    /** The suite could not run. */
    public static final int UNUSABLE = 2;

    private static final String USAGE =
            "usage: java -jar sse-conformance.jar [--strict] [--only ID,...] [--report DIR]"
                    + " [--insecure | --truststore FILE --truststore-password P] BASE_URL\n"
                    + "       java -jar sse-conformance.jar --list [--markdown]";

    private Main() {
    }

    /** Runs the CLI and exits with its status. */
    public static void main(String[] args) {
        quietJettyLogging();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI; returns the exit status instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sse-conformance: " + e.getMessage());
            err.println(USAGE);
            return UNUSABLE;
        }
        if (arguments.help) {
            out.println(USAGE);
            return PASSED;
        }
        if (arguments.list) {
            out.print(catalogue(arguments.markdown));
            return PASSED;
        }
        try {
            URI base = Conformance.parseUrl(arguments.url);
            Options options = Options.builder().strict(arguments.strict).only(arguments.only)
                    .tls(arguments.tls()).build();
            out.println("SSE conformance against " + base);
            Report report = Conformance.run(base, options, result -> out.println(result.summaryLine()));
            out.println(report.fixture() ? "fixture: profiles " + report.profiles()
                    : "no fixture at " + base + "/capabilities: black-box cases only");
            out.println(report.summaryLine());
            List<Path> files = ReportFiles.write(report, arguments.reportDir, arguments.strict);
            out.println("reports: " + files);
            boolean passed = report.passed(arguments.strict);
            out.println(passed ? "PASSED" : "FAILED" + (arguments.strict ? " (strict)" : ""));
            return passed ? PASSED : FAILED;
        } catch (TargetException | IllegalArgumentException e) {
            err.println("sse-conformance: " + e.getMessage());
            return UNUSABLE;
        } catch (IOException e) {
            err.println("sse-conformance: cannot write the reports: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /**
     * The case catalogue: every case with its id, level (and profile), what it needs, the rule it
     * quotes and its source. Plain text is one line per case with the rule and source indented
     * below; Markdown is one table row per case.
     */
    public static String catalogue(boolean markdown) {
        StringBuilder out = new StringBuilder();
        if (markdown) {
            out.append("| id | level | runs against | the server must | rule | source |\n|---|---|---|---|---|---|\n");
        }
        for (ConformanceCase c : Cases.all()) {
            String level = c.level() + c.profile().map(p -> " (" + p + ")").orElse("");
            String needs = !c.fixture() ? "any stream" : c.profile().map(p -> "fixture, profile " + p).orElse("fixture");
            if (markdown) {
                out.append("| ").append(c.id()).append(" | ").append(level).append(" | ").append(needs).append(" | ")
                        .append(cell(c.title())).append(" | ").append(cell(c.rule())).append(" | ")
                        .append(cell(c.source())).append(" |\n");
            } else {
                out.append(String.format(Locale.ROOT, "%-8s %-18s %s%n", c.id(), level, c.title()))
                        .append("         needs:  ").append(needs).append(System.lineSeparator())
                        .append("         rule:   ").append(c.rule()).append(System.lineSeparator())
                        .append("         source: ").append(c.source()).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static void quietJettyLogging() {
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "OFF");
        }
    }

    /** The parsed command line. */
    private static final class Arguments {
        private boolean strict;
        private boolean help;
        private boolean list;
        private boolean markdown;
        private Set<String> only = Set.of();
        private Path reportDir = Path.of("sse-conformance-report");
        private String url;
        private boolean insecure;
        private Path trustStore;
        private String trustStorePassword;

        /** The https trust the options ask for; a bad trust store fails naming the file. */
        Tls tls() {
            if (trustStore != null) {
                return Tls.trustStore(trustStore, trustStorePassword == null ? null : trustStorePassword.toCharArray());
            }
            return insecure ? Tls.insecure() : Tls.systemDefault();
        }

        static Arguments parse(String[] args) {
            Arguments parsed = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--strict" -> parsed.strict = true;
                    case "--help", "-h" -> parsed.help = true;
                    case "--list" -> parsed.list = true;
                    case "--markdown" -> parsed.markdown = true;
                    case "--only" -> parsed.only = ids(value(args, ++i, arg));
                    case "--report" -> parsed.reportDir = Path.of(value(args, ++i, arg));
                    case "--insecure" -> parsed.insecure = true;
                    case "--truststore" -> parsed.trustStore = Path.of(value(args, ++i, arg));
                    case "--truststore-password" -> parsed.trustStorePassword = value(args, ++i, arg);
                    default -> parsed.url(arg);
                }
            }
            if (parsed.insecure && parsed.trustStore != null) {
                throw new IllegalArgumentException("--insecure and --truststore exclude each other");
            }
            if (parsed.trustStorePassword != null && parsed.trustStore == null) {
                throw new IllegalArgumentException("--truststore-password needs --truststore");
            }
            if (parsed.markdown && !parsed.list) {
                throw new IllegalArgumentException("--markdown goes with --list");
            }
            if (parsed.list && parsed.url != null) {
                throw new IllegalArgumentException("--list takes no BASE_URL");
            }
            if (parsed.url == null && !parsed.help && !parsed.list) {
                throw new IllegalArgumentException("missing BASE_URL");
            }
            return parsed;
        }

        private void url(String arg) {
            if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (url != null) {
                throw new IllegalArgumentException("more than one BASE_URL: " + url + " and " + arg);
            }
            url = arg;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static Set<String> ids(String list) {
            Set<String> ids = new LinkedHashSet<>();
            for (String id : list.split(",")) {
                String trimmed = id.trim().toUpperCase(Locale.ROOT);
                if (Cases.byId(trimmed).isEmpty()) {
                    throw new IllegalArgumentException("unknown case id " + id.trim() + "; known: "
                            + Arrays.toString(Cases.all().stream().map(ConformanceCase::id).toArray()));
                }
                ids.add(trimmed);
            }
            return ids;
        }
    }
}
