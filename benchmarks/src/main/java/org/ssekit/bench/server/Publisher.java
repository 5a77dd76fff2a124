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
package org.ssekit.bench.server;

import java.util.concurrent.locks.LockSupport;

/**
 * Publishes benchmark events at a fixed rate on the calling thread. Each event's data is
 * {@code seq:NANOS:xxx...}, where NANOS is the {@link System#nanoTime()} the event was due by
 * the schedule: on Linux nanoTime is one clock for all processes of the machine, so the
 * receiving process can take the latency from it. Stamping the due time, not the moment the
 * call was made, keeps a publisher that falls behind (one that writes every socket itself)
 * from hiding its own delay from the latency figures (no coordinated omission). With no rate
 * (as fast as possible) the stamp is the moment of the call.
 */
final class Publisher {
    private final ServerUnderTest stack;
    private long nextSeq = 1;

    Publisher(ServerUnderTest stack) {
        this.stack = stack;
    }

    /** Publishes {@code count} events at {@code perSecond} (0: as fast as possible); returns the nanos taken. */
    long publish(int count, double perSecond, int payloadBytes) {
        String padding = ":" + "x".repeat(Math.max(0, payloadBytes - 32));
        long period = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            long seq = nextSeq++;
            long stamp = period == 0 ? System.nanoTime() : due;
            stack.publish(seq, seq + ":" + stamp + padding);
        }
        return System.nanoTime() - start;
    }
}
