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
package org.ssekit.example;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a binary from the machine (Chromium, nginx, redis-server): on a developer's
 * machine without it they are skipped with the install hint; under CI ({@code CI=true}, as
 * .ci/run runs) a missing binary fails them, since CI installs every one and a skip there
 * would pass a run that tested nothing.
 */
final class RequiredTool {
    private RequiredTool() {
    }

    /** Whether this run is CI's: the environment variable {@code CI} is {@code true}. */
    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (outside CI) or fails (in CI) unless {@code available}; {@code hint} says what to install. */
    static void require(boolean available, String hint) {
        if (available) {
            return;
        }
        if (inCi()) {
            throw new AssertionError("CI=true but " + hint);
        }
        Assumptions.abort(hint + " (skipped outside CI; under CI=true this fails)");
    }
}
