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

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A target of the issue, checked against the medians or same-run ratios of a {@link Results}.
 * Every ssekit stack measured is checked (the servlet binding and the JAX-RS one).
 */
public record Target(String name, String measured, double value, String goal, boolean met) {

    static final List<String> SSEKIT = List.of("ssekit-servlet", "ssekit-jaxrs");
    static final int MAX_THREADS = 256;
    static final double MAX_IDLE_HEAP_KIB = 8;

    /** The targets, at the reference subscriber count and the largest idle count measured. */
    static List<Target> evaluate(Results r, List<String> stacks) {
        List<Target> out = new ArrayList<>();
        for (String ssekit : SSEKIT) {
            if (stacks.contains(ssekit)) {
                evaluate(out, r, ssekit);
            }
        }
        return out;
    }

    private static void evaluate(List<Target> out, Results r, String ssekit) {
        String ref = largestParam(r, "fanout", "1000");
        Results.Key fan = new Results.Key("fanout", ref, "events_per_s", "events/s");
        ratio(out, r, fan, ssekit, "jersey", 3.0, true, "events/s at " + ref + " vs Jersey SseBroadcaster");
        ratio(out, r, fan, ssekit, "jetty-eventsource", 2.0, true, "events/s at " + ref + " vs Jetty EventSourceServlet");
        ratio(out, r, fan, ssekit, "raw", 1.5, true, "events/s at " + ref + " vs raw servlet");
        String lat = largestParam(r, "latency", "1000");
        ratio(out, r, new Results.Key("latency", lat, "p50", "ms"), ssekit, "raw", 1.0, false,
                "latency p50 at " + lat + " vs raw");
        ratio(out, r, new Results.Key("latency", lat, "p99", "ms"), ssekit, "raw", 1.0, false,
                "latency p99 at " + lat + " vs raw");
        String burst = largestParam(r, "burst", "1000");
        OptionalDouble writes = r.median(new Results.Key("burst", burst, "writes_per_event", "writes"), ssekit);
        if (writes.isPresent()) {
            double w = writes.getAsDouble();
            out.add(new Target(ssekit + " burst at " + burst + ": writes per delivered event (coalescing shows)",
                    "writes", w, "< 1", w < 1));
        }
        idleTargets(out, r, largestParam(r, "idle", "19000"), ssekit);
    }

    private static void ratio(List<Target> out, Results r, Results.Key k, String ssekit, String peer, double goal,
                              boolean atLeast, String name) {
        OptionalDouble v = r.ratio(k, ssekit, peer);
        if (v.isPresent()) {
            double x = v.getAsDouble();
            out.add(new Target(ssekit + " " + name, "ratio", x, (atLeast ? ">= " : "<= ") + goal,
                    atLeast ? x >= goal : x <= goal));
        }
    }

    private static void idleTargets(List<Target> out, Results r, String idle, String stack) {
        OptionalDouble heap = r.median(new Results.Key("idle", idle, "heap_per_conn", "KiB"), stack);
        OptionalDouble held = r.median(new Results.Key("idle", idle, "connections", "streams"), stack);
        OptionalDouble threads = r.median(new Results.Key("idle", idle, "threads", "threads"), stack);
        if (heap.isPresent()) {
            double h = heap.getAsDouble();
            out.add(new Target(stack + " heap per idle connection at " + idle, "KiB", h, "<= " + MAX_IDLE_HEAP_KIB,
                    h <= MAX_IDLE_HEAP_KIB));
        }
        if (held.isPresent()) {
            double n = held.getAsDouble();
            out.add(new Target(stack + " idle streams held", "streams", n, ">= " + idle, n >= Double.parseDouble(idle)));
        }
        if (threads.isPresent()) {
            // No thread per connection: the process stays within Jetty's pool (200) plus the JVM's own.
            double t = threads.getAsDouble();
            out.add(new Target(stack + " threads with " + idle + " streams", "threads", t, "<= " + MAX_THREADS,
                    t <= MAX_THREADS));
        }
    }

    /** {@code preferred} when the scenario ran at it, else its largest parameter. */
    static String largestParam(Results r, String scenario, String preferred) {
        String best = preferred;
        int max = -1;
        for (Results.Key k : r.keys()) {
            if (k.scenario().equals(scenario)) {
                if (k.param().equals(preferred)) {
                    return preferred;
                }
                int p = Integer.parseInt(k.param());
                if (p > max) {
                    max = p;
                    best = k.param();
                }
            }
        }
        return best;
    }
}
