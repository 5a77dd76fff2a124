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
package org.ssekit.bench.jmh;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark's JVM per operation ({@code cpu.time.norm}, ns/op): unlike the
 * wall-clock score it does not grow when other processes take the cores away, so it stays
 * comparable on a shared build machine. It counts every thread of the forked JVM (the
 * benchmark thread, and the GC and JIT threads it keeps busy), so it is an upper bound of the
 * benchmark thread's own cost. {@code -prof org.ssekit.bench.jmh.CpuTimeProfiler}.
 *
 * <p>Thread safety: JMH calls it from one thread per fork.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private long startNanos;

    @Override
    public String getDescription() {
        return "CPU time of the forked JVM per operation (robust to a shared machine)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startNanos = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long used = processCpuNanos() - startNanos;
        long ops = result.getMetadata().getAllOps();
        double perOp = startNanos < 0 || ops <= 0 ? Double.NaN : (double) used / ops;
        return List.of(new ScalarResult("cpu.time.norm", perOp, "ns/op", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
