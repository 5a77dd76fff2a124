package org.ssekit.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** A target of the issue, checked against the medians or same-run ratios of a {@link Results}. */
public record Target(String name, String measured, double value, String goal, boolean met) {

    static final String SSEKIT = "ssekit-servlet";
    static final int MAX_THREADS = 256;

    /** The targets, at the reference subscriber count and the largest idle count measured. */
    static List<Target> evaluate(Results r, List<String> stacks) {
        List<Target> out = new ArrayList<>();
        String ref = largestParam(r, "fanout", "1000");
        Results.Key fan = new Results.Key("fanout", ref, "events_per_s", "events/s");
        ratio(out, r, fan, "jersey", 3.0, true, "events/s at " + ref + " vs Jersey SseBroadcaster");
        ratio(out, r, fan, "jetty-eventsource", 2.0, true, "events/s at " + ref + " vs Jetty EventSourceServlet");
        ratio(out, r, fan, "raw", 0.8, true, "events/s at " + ref + " vs raw servlet");
        String lat = largestParam(r, "latency", "1000");
        ratio(out, r, new Results.Key("latency", lat, "p99", "ms"), "jersey", 0.5, false,
                "p99 at " + lat + " vs Jersey");
        String idle = largestParam(r, "idle", "19000");
        for (String stack : stacks) {
            idleTargets(out, r, idle, stack);
        }
        return out;
    }

    private static void ratio(List<Target> out, Results r, Results.Key k, String peer, double goal,
                              boolean atLeast, String name) {
        OptionalDouble v = r.ratio(k, SSEKIT, peer);
        if (v.isPresent()) {
            double x = v.getAsDouble();
            out.add(new Target(name, "ratio", x, (atLeast ? ">= " : "<= ") + goal, atLeast ? x >= goal : x <= goal));
        }
    }

    private static void idleTargets(List<Target> out, Results r, String idle, String stack) {
        OptionalDouble heap = r.median(new Results.Key("idle", idle, "heap_per_conn", "KiB"), stack);
        OptionalDouble held = r.median(new Results.Key("idle", idle, "connections", "streams"), stack);
        OptionalDouble threads = r.median(new Results.Key("idle", idle, "threads", "threads"), stack);
        if (heap.isPresent()) {
            double h = heap.getAsDouble();
            out.add(new Target(stack + " heap per idle connection at " + idle, "KiB", h, "<= 20", h <= 20));
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
