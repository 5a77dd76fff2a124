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
package org.ssekit.bench;

import org.ssekit.bench.report.Results;

/** Records the figures of one scenario, parameter, stack and run. */
record Recorder(Results results, String scenario, String param, String stack, int run) {
    /** Records {@code value}; a value that could not be measured (NaN) is noted instead. */
    void put(String metric, String unit, double value) {
        if (!Double.isFinite(value)) {
            note(metric + " not measured");
            return;
        }
        results.add(new Results.Figure(scenario, param, metric, unit, stack, run, value));
        System.out.printf("  %-10s %-7s %-18s %-22s %,.2f %s%n", scenario, param, stack, metric, value, unit);
    }

    void note(String text) {
        String line = scenario + " " + param + " " + stack + " run " + run + ": " + text;
        results.note(line);
        System.out.println("  note: " + line);
    }
}
