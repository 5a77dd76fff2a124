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

import java.time.Duration;

/** Opening and settling the fleet's connections, shared by the scenarios. */
final class Connections {
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);

    private Connections() {
    }

    /** Opens {@code n} streams; true when all opened and the server counts them (noted otherwise). */
    static boolean open(ServerProcess server, LoadFleet fleet, int n, boolean slowFirst, Recorder out)
            throws Exception {
        // One stream first, then closed: a stack that initialises lazily (Jersey builds its
        // application on the first request) does so before hundreds of handshakes wait on it.
        fleet.open(server.port, 1, false);
        fleet.closeAll();
        int opened = fleet.open(server.port, n, slowFirst);
        long end = System.nanoTime() + SETTLE_LIMIT.toNanos();
        int held;
        while ((held = server.stats().connections()) < opened && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        if (opened < n && out != null) {
            out.note("opened " + opened + " of " + n + " streams (server holds " + held + ")");
        }
        return opened == n;
    }

    /** Waits until no more events arrive (a backlog drained), for up to ten seconds. */
    static void settle(LoadFleet fleet) throws Exception {
        long end = System.nanoTime() + SETTLE_LIMIT.toNanos();
        long last = -1;
        long now = fleet.stats().events();
        while (now != last && System.nanoTime() < end) {
            Thread.sleep(300);
            last = now;
            now = fleet.stats().events();
        }
    }
}
