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
import java.util.List;
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
        java.util.Set<Long> seen = new java.util.TreeSet<>();
        for (int i = 0; i < 20; i++) {
            try (RawClient c = RawClient.get(server.port(), "/events")) {
                String first = c.readUntil("\n\n", WAIT);
                long retry = Long.parseLong(first.substring("retry: ".length(), first.indexOf('\n')));
                assertThat(retry).isBetween(1000L, 1500L);
                seen.add(retry);
            }
        }
        // Without jitter all 20 would be 1000; with 501 equally likely values, fewer than 5
        // distinct ones among 20 happens with odds far below 1e-20.
        assertThat(seen).as("distinct retry values of 20 streams").hasSizeGreaterThanOrEqualTo(5);
        assertThat(seen.stream().mapToLong(Long::longValue).max().orElseThrow()
                - seen.stream().mapToLong(Long::longValue).min().orElseThrow())
                .as("spread of the retry values").isGreaterThanOrEqualTo(100L);
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

    private static final String[] CONNECTION_SPECIFIC = {"Connection", "Keep-Alive", "Proxy-Connection",
            "Transfer-Encoding", "Upgrade"};

    /**
     * H-02, decided where it can fail: Jetty's HTTP/2 encoder drops connection-specific fields
     * by itself, so the h2 wire alone cannot show what ssekit sets. {@link HeaderRecorder}
     * reads the header fields as ssekit and the servlet layer left them at commit, before the
     * encoder, for the servlet and the filter binding over HTTP/1.1 and h2c. A control servlet
     * that sets {@code Connection} itself proves the recorder sees such a field, and that the
     * h2 wire alone would not have.
     */
    @Test
    void h02SsekitSetsNoConnectionSpecificHeaderOnAnyBinding() throws Exception {
        HeaderRecorder recorder = new HeaderRecorder();
        server = new TestServer().servlet("/events", servlet, Map.of())
                .servlet("/control", new ConnectionHeaderServlet(), Map.of())
                .filter("/filtered", new org.ssekit.servlet.SseFilter(), Map.of())
                .wrap(recorder).start();
        HTTP2Client h2 = new HTTP2Client();
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP2(h2));
        client.start();
        try {
            for (String path : new String[] {"/events", "/filtered?channel=c"}) {
                InputStreamResponseListener listener = new InputStreamResponseListener();
                var request = client.newRequest(server.uri(path)).headers(h -> h.put("Accept", "text/event-stream"));
                request.send(listener);
                Response response = listener.get(5, TimeUnit.SECONDS);
                assertThat(response.getVersion().asString()).isEqualTo("HTTP/2.0");
                assertThat(response.getStatus()).as(path).isEqualTo(200);
                assertThat(listener.getInputStream().readNBytes(2)).as(path + " first line").isEqualTo(new byte[] {':', '\n'});
                request.abort(new Exception("test done"));
                try (RawClient c = RawClient.get(server.port(), path)) {
                    assertThat(c.status()).as(path + " over HTTP/1.1").isEqualTo(200);
                    assertThat(c.readUntil(":\n", WAIT)).isEqualTo(":\n");
                }
            }
            InputStreamResponseListener control = new InputStreamResponseListener();
            client.newRequest(server.uri("/control")).send(control);
            Response controlResponse = control.get(5, TimeUnit.SECONDS);
            assertThat(controlResponse.getHeaders().get("Connection")).as("Jetty's h2 encoder drops it").isNull();
        } finally {
            client.stop();
        }
        List<HeaderRecorder.Committed> committed = recorder.committed();
        assertThat(committed.stream().filter(c -> c.path().equals("/control")))
                .as("the recorder sees a Connection field that the application set")
                .allSatisfy(c -> assertThat(c.fields().get("Connection")).isEqualTo("keep-alive")).hasSize(1);
        List<HeaderRecorder.Committed> streams = committed.stream().filter(c -> !c.path().equals("/control")).toList();
        assertThat(streams).extracting(HeaderRecorder.Committed::path)
                .containsExactlyInAnyOrder("/events", "/events", "/filtered", "/filtered");
        // (paths without the query)
        for (HeaderRecorder.Committed c : streams) {
            assertThat(c.fields().get("Content-Type")).as(c.path()).isEqualTo("text/event-stream");
            for (String banned : CONNECTION_SPECIFIC) {
                assertThat(c.fields().get(banned)).as(c.path() + " " + banned + " set by ssekit").isNull();
            }
        }
    }

    /** Sets a connection-specific field itself: the control that shows the recorder works. */
    static final class ConnectionHeaderServlet extends jakarta.servlet.http.HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest request,
                             jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.setHeader("Connection", "keep-alive");
            response.setContentType("text/plain");
            response.getOutputStream().write('x');
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
