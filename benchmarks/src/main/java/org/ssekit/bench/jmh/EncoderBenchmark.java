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

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.ssekit.SseEvent;
import org.ssekit.internal.EventEncoder;

/** The cost of encoding one event to its wire bytes (done once per publish, whatever the subscribers). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EncoderBenchmark {
    private final SseEvent small = SseEvent.builder().id("1718000000000-0").event("tick")
            .data("{\"seq\":12345,\"price\":101.25,\"symbol\":\"ACME\",\"pad\":\"" + "x".repeat(40) + "\"}").build();
    private final SseEvent multiLine = SseEvent.builder().id("42")
            .data("line one\nline two\r\nline three\rline four " + "y".repeat(200)).build();

    @Benchmark
    public byte[] smallEvent() {
        return EventEncoder.encode(small);
    }

    @Benchmark
    public byte[] multiLineEvent() {
        return EventEncoder.encode(multiLine);
    }
}
