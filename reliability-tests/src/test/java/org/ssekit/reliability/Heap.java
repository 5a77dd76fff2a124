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
package org.ssekit.reliability;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Heap after a full GC, sampled over a run, and the slope of a least-squares line through the samples; figure reports. */
final class Heap {
    private final long start = System.nanoTime();
    private final List<double[]> samples = new ArrayList<>();

    /** Heap in use right after {@code System.gc()} (a full, compacting collection with G1). */
    static long afterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    synchronized void sample() {
        double minutes = (System.nanoTime() - start) / 60e9;
        samples.add(new double[] {minutes, afterGc()});
    }

    synchronized int count() {
        return samples.size();
    }

    /** Bytes per minute, from the samples taken after {@code skipMinutes} (warm-up: the event log filling). */
    synchronized double slopeBytesPerMinute(double skipMinutes) {
        List<double[]> s = samples.stream().filter(x -> x[0] >= skipMinutes).toList();
        if (s.size() < 3) {
            throw new IllegalStateException("too few heap samples: " + s.size());
        }
        double mx = s.stream().mapToDouble(x -> x[0]).average().orElseThrow();
        double my = s.stream().mapToDouble(x -> x[1]).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (double[] x : s) {
            num += (x[0] - mx) * (x[1] - my);
            den += (x[0] - mx) * (x[0] - mx);
        }
        return num / den;
    }

    synchronized String describe() {
        StringBuilder b = new StringBuilder();
        for (double[] x : samples) {
            b.append(String.format("%.2f min: %.1f MiB; ", x[0], x[1] / 1048576));
        }
        return b.toString();
    }

    /** Prints a figure and appends it to target/reliability/figures.txt. */
    static void report(String line) {
        String stamped = java.time.Instant.now() + " " + line;
        System.out.println("[reliability] " + stamped);
        String dir = System.getProperty("reliability.report", "target/reliability");
        try {
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, "figures.txt"), stamped + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[reliability] cannot write the figure: " + e);
        }
    }

    /** The load average now, to note beside every figure. */
    static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).trim() + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "load unknown";
        }
    }

    static int intProp(String name, int dflt) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(dflt)));
    }
}
