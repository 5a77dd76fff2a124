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
package org.ssekit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ssekit.EventStream;
import org.ssekit.SseEvent;

/** HB-01..HB-04: a bare comment to idle streams only. */
class HeartbeatIT {
    private final QueueServlet servlet = new QueueServlet();
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void hb01AnIdleStreamGetsABareCommentEveryInterval() throws Exception {
        server = new TestServer().servlet("/events", servlet, Map.of("heartbeatMillis", "300")).start();
        try (RawClient c = RawClient.get(server.port(), "/events")) {
            String body = c.readFor(Duration.ofMillis(1600));
            assertThat(body).matches("(:\n)+");
            // the opening line, then one per 300 ms: at least 4 in 1.6 s even on a busy machine
            assertThat(body.length() / 2).isGreaterThanOrEqualTo(1 + 3);
        }
    }

    @Test
    void hb01ABusyStreamGetsNoHeartbeat() throws Exception {
        server = new TestServer().servlet("/events", servlet, Map.of("heartbeatMillis", "600")).start();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (RawClient c = RawClient.get(server.port(), "/events")) {
            EventStream stream = servlet.next(Duration.ofSeconds(5));
            ticker.scheduleAtFixedRate(() -> stream.send(SseEvent.of("tick")), 0, 100, TimeUnit.MILLISECONDS);
            String body = c.readFor(Duration.ofMillis(2000));
            assertThat(body).startsWith(":\n");
            assertThat(body.substring(2)).doesNotContain(":\n").contains("data: tick\n\n");
        } finally {
            ticker.shutdownNow();
        }
    }
}
