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
