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

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.ssekit.Broadcaster;
import org.ssekit.PublishResult;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.internal.Counters;
import org.ssekit.internal.OutboundStream;
import org.ssekit.internal.Writers;

/**
 * One {@code Broadcaster.publish} to N subscribers over transports that are always ready: log
 * append, feed, one encode, N enqueues, and N write-flush-complete cycles, all on the
 * benchmark thread (the writers run inline, so the figure is the whole CPU cost of an event,
 * not only the publisher's share). Divide {@code gc.alloc.rate.norm} by N (minus the
 * per-publish part at N = 1) for the bytes allocated per event per subscriber.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BroadcastBenchmark {
    @Param({"1", "100", "1000"})
    public int subscribers;

    private Broadcaster broadcaster;
    private final SseEvent event = SseEvent.of("{\"seq\":1,\"pad\":\"" + "x".repeat(64) + "\"}");

    @Setup(Level.Trial)
    public void subscribe(Blackhole sink) {
        broadcaster = Broadcaster.create();
        SseConfig config = SseConfig.defaults();
        Counters counters = new Counters();
        Writers inline = Writers.on(Runnable::run, 1);
        for (int i = 0; i < subscribers; i++) {
            OutboundStream s = new OutboundStream(new NullTransport(sink), config, null, counters, inline);
            broadcaster.subscribe(s, List.of("bench"));
            s.begin(); // what SseStreams does once the transport is started: the writer may run
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        broadcaster.close();
    }

    @Benchmark
    public CompletionStage<PublishResult> publish() {
        return broadcaster.publish("bench", event);
    }
}
