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
package org.ssekit.conformance.checks;

import java.util.List;
import org.ssekit.conformance.Check;

/** Every area check of the suite. Stateless and thread-safe. */
public final class Checks {
    private Checks() {
    }

    /** One instance of each area check. */
    public static List<Check> all() {
        return List.of(new Framing(), new Headers(), new Cors(), new Heartbeat(), new Resume(), new Retry(),
                new Close(), new HttpVersions(), new Compression(), new BadInput(), new Load(),
                new Cluster());
    }
}
