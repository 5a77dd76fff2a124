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

import java.util.List;

import org.ssekit.bench.server.Stacks;

/** One kind of measurement, run against a fresh server process per stack and parameter. */
interface Scenario {
    String name();

    /** The parameters (subscriber or connection counts) this scenario runs at. */
    List<Integer> params(BenchConfig config);

    /** How many runs this scenario takes part in. */
    default int runs(BenchConfig config) {
        return config.heavyRuns();
    }

    /**
     * Whether this scenario runs against {@code stack}: by default every stack but
     * {@code ssekit-redis}, which runs only in the scenarios where the path through the log is
     * what is measured (fan-out, latency, cross-node).
     */
    default boolean appliesTo(String stack) {
        return !stack.equals(Stacks.SSEKIT_REDIS);
    }

    void measure(BenchConfig config, int param, ServerProcess server, LoadFleet fleet, Recorder out)
            throws Exception;
}
