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
package org.ssekit.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Writes the console table, {@code results.csv}, {@code results.json} and {@code chart.svg}. */
public final class Report {
    private Report() {
    }

    /** Prints the table and writes the files. */
    public static void write(Results r, String mode, int runs, List<String> stacks, Path dir) throws IOException {
        String table = writeFiles(r, mode, runs, stacks, dir);
        System.out.println();
        System.out.print(table);
        System.out.println("written: " + dir.toAbsolutePath() + "/{results.txt,results.csv,results.json,chart.svg}");
    }

    /** Writes the files and returns the table. */
    public static String writeFiles(Results r, String mode, int runs, List<String> stacks, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        List<Target> targets = Target.evaluate(r, stacks);
        String table = table(r, stacks) + targets(targets) + notes(r);
        Files.writeString(dir.resolve("results.txt"), table);
        Files.writeString(dir.resolve("results.csv"), csv(r, stacks));
        Files.writeString(dir.resolve("results.json"), Json.report(r, mode, runs, stacks, targets, Machine.describe()));
        Files.writeString(dir.resolve("chart.svg"), SvgChart.render(r, stacks, mode));
        return table;
    }

    static String table(Results r, List<String> stacks) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-9s %-6s %-17s %-10s", "scenario", "n", "metric", "unit"));
        stacks.forEach(s -> sb.append(String.format(" %18s", s)));
        sb.append('\n');
        for (Results.Key k : r.keys()) {
            sb.append(String.format("%-9s %-6s %-17s %-10s", k.scenario(), k.param(), k.metric(), k.unit()));
            for (String s : stacks) {
                OptionalDouble m = r.median(k, s);
                sb.append(String.format(" %18s", m.isPresent() ? format(m.getAsDouble()) : "-"));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String targets(List<Target> targets) {
        StringBuilder sb = new StringBuilder("\ntargets (ssekit stacks; ratios are medians of same-run ratios)\n");
        for (Target t : targets) {
            sb.append(String.format("  %-4s %-75s %10s %s (goal %s)%n", t.met() ? "MET" : "MISS", t.name(),
                    format(t.value()), t.measured(), t.goal()));
        }
        return sb.toString();
    }

    private static String notes(Results r) {
        return r.notes().isEmpty() ? "" : "\nnotes\n" + r.notes().stream().map(n -> "  " + n + "\n")
                .collect(Collectors.joining());
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format("%,d", (long) v);
        }
        return Math.abs(v) >= 100 ? String.format("%,.0f", v) : String.format("%.3g", v);
    }

    static String csv(Results r, List<String> stacks) {
        StringBuilder sb = new StringBuilder("scenario,param,metric,unit,stack,median,runs\n");
        for (Results.Key k : r.keys()) {
            for (String s : stacks) {
                List<Double> v = r.values(k, s);
                if (!v.isEmpty()) {
                    sb.append(String.join(",", k.scenario(), k.param(), k.metric(), k.unit(), s,
                            Double.toString(Results.median(v).getAsDouble()),
                            v.stream().map(String::valueOf).collect(Collectors.joining(";")))).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
