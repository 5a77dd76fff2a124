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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ssekit.SseConfig;

/** The sink as the JAX-RS Javadoc and TCK describe it, and the bytes it puts on the wire. */
class SinkBasicsIT {
    @RegisterExtension
    static final TestAppServer server = new TestAppServer(SseConfig.builder().heartbeat(Duration.ZERO).build());

    private SseEventSink heldSink() throws InterruptedException {
        SseEventSink sink = server.app().held.poll(10, TimeUnit.SECONDS);
        assertThat(sink).as("sink handed to the resource").isNotNull();
        return sink;
    }

    private Sse sse() throws InterruptedException {
        return server.app().sseContext.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void theRuntimeHandsResourcesTheSsekitSink() throws Exception {
        assertThat(server.app().sse.isActive()).isTrue();
        try (EventClient client = EventClient.get(server.jetty().uri("/held"))) {
            assertThat(heldSink().getClass().getName()).startsWith("org.ssekit.");
        }
    }

    @Test
    void headersAreCommittedAtOnceWithTheOpeningComment() throws Exception {
        try (EventClient client = EventClient.get(server.jetty().uri("/held"))) {
            heldSink();
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(client.header("Cache-Control")).isEqualTo("no-cache, no-transform");
            assertThat(client.header("X-Accel-Buffering")).isEqualTo("no");
            assertThat(client.header("Content-Length")).isNull();
            assertThat(client.nextLine(EventClient.WAIT)).isEqualTo(":");
        }
    }

    @Test
    void aClientThatAcceptsNoEventStreamGets406AndNoStream() throws Exception {
        int streams = server.app().sse.openStreams();
        HttpResponse<String> refused = EventClient.exchange(HttpRequest.newBuilder(server.jetty().uri("/held"))
                .header("Accept", "application/json").timeout(EventClient.WAIT).build());
        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(server.app().sse.openStreams()).isEqualTo(streams);
        assertThat(server.app().held).isEmpty();
    }

    @Test
    void sendCompletesAfterTheBytesWereFlushedAndFramesEveryField() throws Exception {
        try (EventClient client = EventClient.get(server.jetty().uri("/held"))) {
            SseEventSink sink = heldSink();
            Sse sse = sse();
            CompletableFuture<?> sent = sink.send(sse.newEventBuilder()
                    .id("7").name("note").reconnectDelay(2500).comment("c1\nc2")
                    .data("line 1\r\nline 2\rline 3\n").build()).toCompletableFuture();
            sent.get(10, TimeUnit.SECONDS);
            assertThat(client.nextEvent()).isEqualTo(new EventClient.Event("note", "line 1\nline 2\nline 3\n", "7", 2500L));
            assertThat(client.rawText()).isEqualTo(":\n: c1\n: c2\nid: 7\nevent: note\nretry: 2500\n"
                    + "data: line 1\ndata: line 2\ndata: line 3\ndata:\n\n");
        }
    }

    @Test
    void jsonDataIsWrittenByTheRuntimesJsonBinding() throws Exception {
        try (EventClient client = EventClient.get(server.jetty().uri("/held"))) {
            SseEventSink sink = heldSink();
            Sse sse = sse();
            sink.send(sse.newEventBuilder().name("price").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Price.class, new Price("ACME", 12.5)).build());
            EventClient.Event event = client.nextEvent();
            assertThat(event.type()).isEqualTo("price");
            assertThat(event.data()).isEqualTo("{\"price\":12.5,\"symbol\":\"ACME\"}");
        }
    }

    @Test
    void closeIsIdempotentEndsTheResponseAndLaterSendsThrow() throws Exception {
        try (EventClient client = EventClient.get(server.jetty().uri("/held"))) {
            SseEventSink sink = heldSink();
            Sse sse = sse();
            sink.send(sse.newEvent("last"));
            closeSink(sink);
            closeSink(sink);
            assertThat(sink.isClosed()).isTrue();
            assertThatThrownBy(() -> sink.send(sse.newEvent("late")))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(client.nextEvent().data()).isEqualTo("last");
            client.awaitEnd();
            assertThat(client.rawText()).isEqualTo(":\ndata: last\n\n");
        }
    }

    @Test
    void namesAndIdsThatWouldBreakTheFramingAreRejected() throws Exception {
        try (EventClient client = EventClient.get(server.jetty().uri("/held"))) {
            SseEventSink sink = heldSink();
            Sse sse = sse();
            assertThatThrownBy(() -> sink.send(sse.newEventBuilder().name("a\nevent: b").data("x").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event must not contain CR or LF");
            assertThatThrownBy(() -> sink.send(sse.newEventBuilder().id("1\r").data("x").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id must not contain CR or LF");
            assertThatThrownBy(() -> sink.send(sse.newEventBuilder().id("1\u00002").data("x").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
            sink.send(sse.newEvent("still open"));
            assertThat(client.nextEvent().data()).isEqualTo("still open");
        }
    }

    @Test
    void sendFailsOnceTheClientIsGone() throws Exception {
        SseEventSink sink;
        Sse sse;
        try (EventClient client = EventClient.get(server.jetty().uri("/held"))) {
            sink = heldSink();
            sse = sse();
            assertThat(client.nextLine(EventClient.WAIT)).isEqualTo(":");
        }
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        org.ssekit.jaxrs.internal.StreamSink.of(sink).onEnd(ended::complete);
        String big = "x".repeat(64 * 1024);
        int failedSends = 0;
        for (int i = 0; i < 1000 && !sink.isClosed(); i++) {
            CompletableFuture<?> sent = sink.send(sse.newEvent(big)).toCompletableFuture();
            sent.handle((r, e) -> null).get(10, TimeUnit.SECONDS);
            failedSends += sent.isCompletedExceptionally() ? 1 : 0;
        }
        assertThat(sink.isClosed()).as("the server found the client gone").isTrue();
        // Honest completion: the sink ended with the connection's failure, not as a clean close;
        // each send was awaited, so at most the one in flight when the failure came fails (none
        // when the container reported the dead connection between two sends: the bytes of every
        // earlier send had been taken).
        assertThat(ended.get(10, TimeUnit.SECONDS)).as("the failure that ended the sink").isNotNull();
        assertThat(failedSends).as("sends that failed").isBetween(0, 1);
        assertThatThrownBy(() -> sink.send(sse.newEvent("late"))).isInstanceOf(IllegalStateException.class);
    }

    static void closeSink(SseEventSink sink) {
        try {
            sink.close();
        } catch (Exception e) {
            throw new AssertionError("close failed", e);
        }
    }

    /** A JSON payload. */
    public record Price(String symbol, double price) {
    }
}
