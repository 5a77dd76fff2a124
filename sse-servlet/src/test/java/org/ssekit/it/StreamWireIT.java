package org.ssekit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ssekit.EventStream;
import org.ssekit.SseEvent;

/** The bytes and headers of one stream on the wire (HDR-*, FRM-*, H-01, H-02, RTY-02). */
class StreamWireIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final QueueServlet servlet = new QueueServlet();
    private TestServer server;

    private TestServer start(Map<String, String> initParams) throws Exception {
        server = new TestServer().servlet("/events", servlet, initParams).start();
        return server;
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void hdr01To07HeadersAreCommittedAtOnceWithAFirstCommentLine() throws Exception {
        start(Map.of());
        try (RawClient c = RawClient.get(server.port(), "/events")) {
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(c.header("Cache-Control")).isEqualTo("no-cache, no-transform");
            assertThat(c.header("X-Accel-Buffering")).isEqualTo("no");
            assertThat(c.header("Content-Length")).isNull();
            assertThat(c.header("Transfer-Encoding")).as("H-01").isEqualTo("chunked");
            assertThat(c.readUntil(":\n", WAIT)).isEqualTo(":\n");
        }
    }

    @Test
    void frm01To07EventsArriveAsExactBytes() throws Exception {
        start(Map.of());
        try (RawClient c = RawClient.get(server.port(), "/events")) {
            EventStream stream = servlet.next(WAIT);
            stream.send(SseEvent.builder().id("1").event("multi").data("a\r\nb\rc\nd").build());
            stream.send(SseEvent.of(" leading space"));
            stream.send(SseEvent.of(""));
            stream.send(SseEvent.of("é€𝄞"));
            String expected = ":\n"
                    + "id: 1\nevent: multi\ndata: a\ndata: b\ndata: c\ndata: d\n\n"
                    + "data:  leading space\n\n"
                    + "data:\n\n"
                    + "data: é€𝄞\n\n";
            assertThat(c.readUntil("data: é€𝄞\n\n", WAIT)).isEqualTo(expected);
        }
    }

    @Test
    void rty02RetryIsSentFirstWhenConfigured() throws Exception {
        start(Map.of("retryMillis", "2500", "retryJitterMillis", "0"));
        try (RawClient c = RawClient.get(server.port(), "/events")) {
            assertThat(c.readUntil("\n\n", WAIT)).isEqualTo("retry: 2500\n\n");
        }
    }

    @Test
    void rty03RetryCarriesJitterWithinTheConfiguredBound() throws Exception {
        start(Map.of("retryMillis", "1000", "retryJitterMillis", "500"));
        for (int i = 0; i < 5; i++) {
            try (RawClient c = RawClient.get(server.port(), "/events")) {
                String first = c.readUntil("\n\n", WAIT);
                long retry = Long.parseLong(first.substring("retry: ".length(), first.indexOf('\n')));
                assertThat(retry).isBetween(1000L, 1500L);
            }
        }
    }

    @Test
    void hdr08AClientThatAcceptsNoEventStreamGets406AndNoStream() throws Exception {
        start(Map.of());
        try (RawClient c = RawClient.get(server.port(), "/events", "Accept: application/json")) {
            assertThat(c.status()).isEqualTo(406);
            assertThat(c.header("Content-Type")).startsWith("text/plain");
            assertThat(c.readFor(Duration.ofMillis(200))).contains("text/event-stream");
        }
        assertThat(servlet.open().openStreams()).isZero();
    }

    @Test
    void hdr08ListsQValuesAndNoCacheAreServed() throws Exception {
        start(Map.of());
        try (RawClient c = RawClient.get(server.port(), "/events",
                "Accept: text/html;q=0.9, text/event-stream;q=0.5", "Cache-Control: no-cache")) {
            assertThat(c.status()).isEqualTo(200);
        }
        try (RawClient c = RawClient.get(server.port(), "/events", "Accept: */*")) {
            assertThat(c.status()).isEqualTo(200);
        }
    }

    @Test
    void h02OverH2cThereIsNoConnectionHeader() throws Exception {
        start(Map.of());
        HTTP2Client h2 = new HTTP2Client();
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP2(h2));
        client.start();
        try {
            InputStreamResponseListener listener = new InputStreamResponseListener();
            var request = client.newRequest(server.uri("/events")).headers(h -> h.put("Accept", "text/event-stream"));
            request.send(listener);
            Response response = listener.get(5, TimeUnit.SECONDS);
            assertThat(response.getVersion().asString()).isEqualTo("HTTP/2.0");
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaders().get("Content-Type")).isEqualTo("text/event-stream");
            for (String banned : new String[] {"Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade"}) {
                assertThat(response.getHeaders().get(banned)).as(banned).isNull();
            }
            EventStream stream = servlet.next(WAIT);
            stream.send(SseEvent.of("over h2"));
            byte[] expected = ":\ndata: over h2\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] got = listener.getInputStream().readNBytes(expected.length);
            assertThat(new String(got, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(":\ndata: over h2\n\n");
            request.abort(new Exception("test done"));
        } finally {
            client.stop();
        }
    }

    @Test
    void sendCompletesAfterTheBytesWereWritten() throws Exception {
        start(Map.of());
        try (RawClient c = RawClient.get(server.port(), "/events")) {
            EventStream stream = servlet.next(WAIT);
            stream.send(SseEvent.of("done")).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(c.readUntil("data: done\n\n", WAIT)).endsWith("data: done\n\n");
        }
    }
}
