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
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ssekit.SseConfig;

/** CLS-04 and LOAD-02: a client that stops reading is cut off at its queue bound; a reading one stays on time. */
class SlowConsumerIT {
    private static final int EVENT_BYTES = 16 * 1024;
    private static final int EVENTS = 1500;
    private static final int BATCH = 8;
    @RegisterExtension
    static final TestAppServer server = new TestAppServer(SseConfig.builder()
                .heartbeat(Duration.ZERO)
                .maxQueuedEvents(32)
                .maxQueuedBytes(256 * 1024)
                .build());

    @Test
    void theStalledClientIsDisconnectedWhileTheReadingOneGetsEveryEventOnTime() throws Exception {
        CountDownLatch slowClosed = new CountDownLatch(1);
        server.app().news.onClose(sink -> slowClosed.countDown());
        try (RawHttp slow = RawHttp.send(server.jetty().port(), "GET", "/news", 4096, "Accept", "text/event-stream");
                EventClient fast = EventClient.get(server.jetty().uri("/news"))) {
            assertThat(slow.readHead().status()).isEqualTo(200);
            assertThat(fast.nextLine(EventClient.WAIT)).isEqualTo(":");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.app().news.size() == 2);

            String payload = "x".repeat(EVENT_BYTES);
            for (int i = 0; i < EVENTS; i += BATCH) {
                for (int b = i; b < i + BATCH; b++) {
                    server.app().news.broadcast(new TextEvent("ignored", b + payload));
                }
                long started = System.nanoTime();
                for (int b = i; b < i + BATCH; b++) {
                    EventClient.Event event = fast.nextEvent(Duration.ofSeconds(5));
                    assertThat(event.data()).startsWith(b + "x");
                }
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .as("batch at %d reached the reading client on time", i).isLessThan(Duration.ofSeconds(2));
            }

            assertThat(slowClosed.await(10, TimeUnit.SECONDS)).as("the stalled sink was closed").isTrue();
            assertThat(server.app().news.size()).isEqualTo(1);
            assertThat(server.app().sse.metrics().getSlowConsumersDisconnected()).isGreaterThanOrEqualTo(1);
            assertThat(slow.drainsToEnd()).as("the server ended the stalled response").isTrue();
        }
    }
}
