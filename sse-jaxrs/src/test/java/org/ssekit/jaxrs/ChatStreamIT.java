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

/** The streamed answer to a POST ({@link ChatResource}): tokens, then [DONE]; an error event when the producer fails. */
class ChatStreamIT {
    @RegisterExtension
    static final TestAppServer server = new TestAppServer(SseConfig.builder().heartbeat(Duration.ZERO).build());

    @Test
    void tokensArriveAsEventsThenDoneThenTheResponseEnds() throws Exception {
        try (EventClient client = EventClient.post(server.jetty().uri("/chat"), "tell me a story")) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).isEqualTo("text/event-stream");
            for (String token : new String[] {"tell", "me", "a", "story", "[DONE]"}) {
                assertThat(client.nextEvent().data()).isEqualTo(token);
            }
            client.awaitEnd();
            assertThat(client.rawText()).isEqualTo(":\ndata: tell\n\ndata: me\n\ndata: a\n\ndata: story\n\ndata: [DONE]\n\n");
        }
    }

    @Test
    void aFailingProducerEndsTheStreamWithAnErrorEvent() throws Exception {
        try (EventClient client = EventClient.post(server.jetty().uri("/chat"), "one two fail three")) {
            assertThat(client.nextEvent().data()).isEqualTo("one");
            assertThat(client.nextEvent().data()).isEqualTo("two");
            EventClient.Event error = client.nextEvent();
            assertThat(error.type()).isEqualTo("error");
            assertThat(error.data()).isEqualTo("{\"message\":\"the model failed at token 'fail'\"}");
            client.awaitEnd();
            assertThat(client.rawText()).doesNotContain("[DONE]").doesNotContain("three");
        }
    }
}
