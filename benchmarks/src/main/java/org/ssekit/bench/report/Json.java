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

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.StringJoiner;

/** The report as JSON, written by hand (no JSON library on the benchmark's class path). */
final class Json {
    private Json() {
    }

    static String report(Results r, String mode, int runs, List<String> stacks, List<Target> targets,
                         Map<String, String> machine) {
        StringJoiner machineJson = new StringJoiner(", ", "{", "}");
        machine.forEach((k, v) -> machineJson.add(str(k) + ": " + str(v)));
        return "{\n  \"mode\": " + str(mode) + ",\n  \"runs\": " + runs + ",\n  \"machine\": " + machineJson
                + ",\n  \"stacks\": " + strings(stacks) + ",\n  \"figures\": " + figures(r, stacks)
                + ",\n  \"targets\": " + targets(targets) + ",\n  \"notes\": " + strings(r.notes()) + "\n}\n";
    }

    private static String figures(Results r, List<String> stacks) {
        StringJoiner all = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        for (Results.Key k : r.keys()) {
            for (String s : stacks) {
                List<Double> v = r.values(k, s);
                OptionalDouble m = Results.median(v);
                if (m.isPresent()) {
                    all.add("{\"scenario\": " + str(k.scenario()) + ", \"param\": " + k.param() + ", \"metric\": "
                            + str(k.metric()) + ", \"unit\": " + str(k.unit()) + ", \"stack\": " + str(s)
                            + ", \"median\": " + num(m.getAsDouble()) + ", \"runs\": " + numbers(v) + "}");
                }
            }
        }
        return all.toString();
    }

    private static String targets(List<Target> targets) {
        StringJoiner all = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        for (Target t : targets) {
            all.add("{\"target\": " + str(t.name()) + ", \"measured\": " + str(t.measured()) + ", \"value\": "
                    + num(t.value()) + ", \"goal\": " + str(t.goal()) + ", \"met\": " + t.met() + "}");
        }
        return all.toString();
    }

    private static String numbers(List<Double> v) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        v.forEach(x -> j.add(num(x)));
        return j.toString();
    }

    private static String strings(List<String> v) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        v.forEach(x -> j.add(str(x)));
        return j.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
