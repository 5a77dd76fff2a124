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

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ssekit.SseConfig;

/** Load shedding: beyond maxConnections a client gets 503 with Retry-After, and a departed client's place is given back. */
class ConnectionCapIT {
    @RegisterExtension
    static final TestAppServer server = new TestAppServer(SseConfig.builder().heartbeat(Duration.ZERO).retry(Duration.ofSeconds(3)).maxConnections(2).build());

    private static HttpResponse<String> tryToConnect() throws Exception {
        return EventClient.exchange(HttpRequest.newBuilder(server.jetty().uri("/news"))
                .header("Accept", "text/event-stream").timeout(EventClient.WAIT).build());
    }

    @Test
    void theThirdClientIsRefusedUntilAPlaceIsFree() throws Exception {
        try (EventClient a = EventClient.get(server.jetty().uri("/news"));
                EventClient b = EventClient.get(server.jetty().uri("/news"))) {
            assertThat(a.nextLine(EventClient.WAIT)).startsWith("retry: ");
            assertThat(b.nextLine(EventClient.WAIT)).startsWith("retry: ");
            HttpResponse<String> refused = tryToConnect();
            assertThat(refused.statusCode()).isEqualTo(503);
            // The retry delay (3 s) plus this client's jitter (by default up to half of it).
            assertThat(refused.headers().firstValue("Retry-After").map(Integer::parseInt)).hasValueSatisfying(
                    seconds -> assertThat(seconds).isBetween(3, 5));
            assertThat(server.app().news.size()).isEqualTo(2);
        }
        // The server learns of the departures at the first write that fails.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            server.app().news.broadcast(TextEvent.of("x".repeat(32 * 1024)));
            return server.app().sse.openStreams() == 0;
        });
        try (EventClient again = EventClient.get(server.jetty().uri("/news"))) {
            assertThat(again.status()).isEqualTo(200);
        }
    }
}
