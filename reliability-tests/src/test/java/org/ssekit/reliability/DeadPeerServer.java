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

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import org.ssekit.SseConfig;
import org.ssekit.SseEvent;

/**
 * The server side of {@link DeadPeerIT}, run as its own JVM inside the test's server network
 * namespace: {@code container host mode stallMillis heartbeatMillis}. Prints {@code PORT n},
 * then {@code CLOSED key epochMillis} for each stream that ends. In mode {@code busy} it
 * publishes a 512-byte event every 10 ms; in mode {@code idle} only heartbeats flow.
 */
public final class DeadPeerServer {
    private DeadPeerServer() {
    }

    public static void main(String[] args) throws Exception {
        String container = args[0];
        String host = args[1];
        boolean busy = "busy".equals(args[2]);
        SseConfig config = SseConfig.builder().heartbeat(Duration.ofMillis(Long.parseLong(args[4])))
                .writeStallTimeout(Duration.ofMillis(Long.parseLong(args[3]))).build();
        long offset = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        try (Target target = Target.servlet(container, config, host, 0, 0)) {
            System.out.println("PORT " + target.port());
            System.out.flush();
            Set<String> reported = new HashSet<>();
            String pad = "x".repeat(512);
            long next = System.nanoTime();
            while (true) {
                if (busy) {
                    target.publish("c", SseEvent.of(pad));
                }
                for (Map.Entry<String, Long> e : target.closedAtNanos.entrySet()) {
                    if (reported.add(e.getKey() + e.getValue())) {
                        System.out.println("CLOSED " + e.getKey() + " " + (offset + e.getValue() / 1_000_000));
                        System.out.flush();
                    }
                }
                next += 10_000_000L;
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            }
        }
    }
}
