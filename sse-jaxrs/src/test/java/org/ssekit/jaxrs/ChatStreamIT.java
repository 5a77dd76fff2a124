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
            assertThat(error.name()).isEqualTo("error");
            assertThat(error.data()).isEqualTo("{\"message\":\"the model failed at token 'fail'\"}");
            client.awaitEnd();
            assertThat(client.rawText()).doesNotContain("[DONE]").doesNotContain("three");
        }
    }
}
