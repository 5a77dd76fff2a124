package org.ssekit.bench;

import java.util.List;

/** One kind of measurement, run against a fresh server process per stack and parameter. */
interface Scenario {
    String name();

    /** The parameters (subscriber or connection counts) this scenario runs at. */
    List<Integer> params(BenchConfig config);

    /** How many runs this scenario takes part in. */
    default int runs(BenchConfig config) {
        return config.heavyRuns();
    }

    /** Whether this scenario runs against {@code stack}. */
    default boolean appliesTo(String stack) {
        return true;
    }

    void measure(BenchConfig config, int param, ServerProcess server, LoadFleet fleet, Recorder out)
            throws Exception;
}
