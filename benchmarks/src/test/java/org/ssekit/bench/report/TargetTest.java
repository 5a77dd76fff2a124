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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The targets, checked from same-run ratios for every ssekit stack. */
class TargetTest {
    private static final List<String> STACKS = List.of("ssekit-servlet", "ssekit-jaxrs", "jersey",
            "jetty-eventsource", "raw");

    private static void fanout(Results r, int run, String stack, double eventsPerSecond) {
        r.add(new Results.Figure("fanout", "1000", "events_per_s", "events/s", stack, run, eventsPerSecond));
    }

    private static Map<String, Target> byName(Results r) {
        return Target.evaluate(r, STACKS).stream().collect(Collectors.toMap(Target::name, Function.identity()));
    }

    @Test
    void throughputRatiosAreMediansOfSameRunRatios() {
        Results r = new Results();
        // Run 1: 3.0x Jersey; run 2: 2.0x; run 3: 4.0x -> median 3.0x (met, at the boundary).
        double[] ssekit = {300, 200, 400};
        for (int run = 1; run <= 3; run++) {
            fanout(r, run, "ssekit-servlet", ssekit[run - 1]);
            fanout(r, run, "jersey", 100);
            fanout(r, run, "jetty-eventsource", 200);
            fanout(r, run, "raw", 200);
        }
        Map<String, Target> t = byName(r);
        assertThat(t.get("ssekit-servlet events/s at 1000 vs Jersey SseBroadcaster").value()).isEqualTo(3.0);
        assertThat(t.get("ssekit-servlet events/s at 1000 vs Jersey SseBroadcaster").met()).isTrue();
        assertThat(t.get("ssekit-servlet events/s at 1000 vs Jetty EventSourceServlet").met()).isFalse();
        assertThat(t.get("ssekit-servlet events/s at 1000 vs raw servlet").value()).isEqualTo(1.5);
        assertThat(t.get("ssekit-servlet events/s at 1000 vs raw servlet").met()).isTrue();
        // The JAX-RS stack was not measured: no target is claimed for it.
        assertThat(t.keySet()).noneMatch(name -> name.startsWith("ssekit-jaxrs"));
    }

    @Test
    void latencyAtOrBelowRawIsMetAndAboveIsMissed() {
        Results r = new Results();
        r.add(new Results.Figure("latency", "1000", "p50", "ms", "ssekit-jaxrs", 1, 5.0));
        r.add(new Results.Figure("latency", "1000", "p50", "ms", "raw", 1, 5.0));
        r.add(new Results.Figure("latency", "1000", "p99", "ms", "ssekit-jaxrs", 1, 30.0));
        r.add(new Results.Figure("latency", "1000", "p99", "ms", "raw", 1, 20.0));
        Map<String, Target> t = byName(r);
        assertThat(t.get("ssekit-jaxrs latency p50 at 1000 vs raw").met()).isTrue();
        assertThat(t.get("ssekit-jaxrs latency p99 at 1000 vs raw").met()).isFalse();
        assertThat(t.get("ssekit-jaxrs latency p99 at 1000 vs raw").value()).isEqualTo(1.5);
    }

    @Test
    void idleHeapBoundIsEightKibPerStream() {
        Results r = new Results();
        r.add(new Results.Figure("idle", "19000", "heap_per_conn", "KiB", "ssekit-servlet", 1, 8.0));
        r.add(new Results.Figure("idle", "19000", "heap_per_conn", "KiB", "ssekit-jaxrs", 1, 8.1));
        Map<String, Target> t = byName(r);
        assertThat(t.get("ssekit-servlet heap per idle connection at 19000").met()).isTrue();
        assertThat(t.get("ssekit-jaxrs heap per idle connection at 19000").met()).isFalse();
    }

    @Test
    void burstCoalescingMeansFewerWritesThanEvents() {
        Results r = new Results();
        r.add(new Results.Figure("burst", "1000", "writes_per_event", "writes", "ssekit-servlet", 1, 0.05));
        r.add(new Results.Figure("burst", "1000", "writes_per_event", "writes", "ssekit-jaxrs", 1, 1.0));
        Map<String, Target> t = byName(r);
        assertThat(t.get("ssekit-servlet burst at 1000: writes per delivered event (coalescing shows)").met()).isTrue();
        assertThat(t.get("ssekit-jaxrs burst at 1000: writes per delivered event (coalescing shows)").met()).isFalse();
    }
}
