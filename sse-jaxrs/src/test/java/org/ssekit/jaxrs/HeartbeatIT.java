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
package org.ssekit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ssekit.SseConfig;

/** HB-01..04: an idle sink gets bare comment lines from the core's shared heartbeat thread. */
class HeartbeatIT {
    private static final Duration INTERVAL = Duration.ofMillis(300);
    @RegisterExtension
    static final TestAppServer server = new TestAppServer(SseConfig.builder().heartbeat(INTERVAL).build());

    @Test
    void anIdleSinkGetsABareCommentAtLeastEveryInterval() throws Exception {
        try (EventClient client = EventClient.get(server.jetty().uri("/held"))) {
            assertThat(client.nextLine(EventClient.WAIT)).isEqualTo(":");
            // Allow scheduling noise on a busy machine, but far less than a missed beat or two.
            Duration bound = INTERVAL.multipliedBy(3);
            for (int beat = 0; beat < 4; beat++) {
                assertThat(client.nextLine(bound)).as("heartbeat %d", beat).isEqualTo(":");
            }
            assertThat(client.rawText()).matches("(:\n)+");
        }
    }
}
