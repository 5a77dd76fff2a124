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
package org.ssekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ssekit.example.EventReader.Event;

/** The demo streams and APIs over HTTP, on the WAR in embedded Jetty. */
class DemoEndpointsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ExampleServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = ExampleServer.start(0);
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static URI uri(String path) {
        return server.uri().resolve(path);
    }

    private static long seq(Event e) {
        return ((Number) Json.parseObject(e.data()).get("seq")).longValue();
    }

    private static HttpResponse<String> post(HttpClient c, String path, String form) throws Exception {
        return c.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void clockResumesAfterTheServerDropsTheStreamWithNoTickLostOrRepeated() throws Exception {
        Event last;
        try (EventReader first = EventReader.open(client, uri("sse/clock"))) {
            assertThat(first.response().headers().firstValue("Content-Type")).hasValue("text/event-stream");
            last = first.next(WAIT);
            assertThat(post(client, "api/drop", "").statusCode()).isEqualTo(200);
            assertThat(first.rest(WAIT)).isEmpty();
        }
        long missedUpTo;
        try (EventReader witness = EventReader.open(client, uri("sse/clock"))) {
            witness.next(WAIT);
            missedUpTo = seq(witness.next(WAIT));
        }
        try (EventReader resumed = EventReader.open(client, uri("sse/clock"), "Last-Event-ID", last.id())) {
            List<Long> seqs = new ArrayList<>();
            while (seqs.isEmpty() || seqs.get(seqs.size() - 1) < missedUpTo + 1) {
                seqs.add(seq(resumed.next(WAIT)));
            }
            assertThat(seqs).first().isEqualTo(seq(last) + 1);
            for (int i = 1; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("tick after %s", seqs.get(i - 1)).isEqualTo(seqs.get(i - 1) + 1);
            }
        }
    }

    /**
     * Logs in and returns the session cookie. Read by hand: the cookie is {@code Secure; SameSite=None}
     * (for the cross-origin page), which java.net's CookieManager keeps off plain http.
     */
    private static String login(String user) throws Exception {
        HttpResponse<String> r = post(client, "api/login", "user=" + user + "&password=demo");
        assertThat(r.statusCode()).isEqualTo(200);
        String setCookie = r.headers().allValues("Set-Cookie").get(r.headers().allValues("Set-Cookie").size() - 1);
        assertThat(setCookie).containsIgnoringCase("SameSite=None").containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpResponse<String> post(String cookie, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void notificationsReachOnlyTheirUser() throws Exception {
        String alice = login("alice");
        String bob = login("bob");
        assertThat(post(client, "api/login", "user=eve&password=guess").statusCode()).isEqualTo(403);
        try (EventReader anonymous = EventReader.open(client, uri("sse/notifications"))) {
            assertThat(anonymous.response().statusCode()).isEqualTo(401);
        }
        try (EventReader aliceInbox = EventReader.open(client, uri("sse/notifications"), "Cookie", alice);
                EventReader bobInbox = EventReader.open(client, uri("sse/notifications"), "Cookie", bob)) {
            assertThat(post(bob, "api/notify", "to=alice&text=for+alice").body()).contains("\"delivered\":1");
            assertThat(post(alice, "api/notify", "to=bob&text=for+bob").body()).contains("\"delivered\":1");
            assertThat(aliceInbox.next(WAIT).data()).contains("\"from\":\"bob\"", "for alice");
            assertThat(bobInbox.next(WAIT).data()).contains("\"from\":\"alice\"", "for bob");
        }
    }

    @Test
    void streamsAnswerAllowedOriginsExactlyAndRefuseOthers() throws Exception {
        String second = "http://127.0.0.1:" + server.port();
        try (EventReader allowed = EventReader.open(client, uri("sse/clock"), "Origin", second)) {
            var headers = allowed.response().headers();
            assertThat(allowed.response().statusCode()).isEqualTo(200);
            assertThat(headers.firstValue("Access-Control-Allow-Origin")).hasValue(second);
            assertThat(headers.firstValue("Access-Control-Allow-Credentials")).hasValue("true");
            assertThat(headers.allValues("Vary")).contains("Origin");
        }
        try (EventReader refused = EventReader.open(client, uri("sse/clock"), "Origin", "http://evil.example")) {
            assertThat(refused.response().statusCode()).isEqualTo(403);
            assertThat(refused.response().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(uri("api/drop")).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(403);
    }

    @Test
    void tokenStreamEndsWithDoneAndResumesAfterLastEventId() throws Exception {
        String prompt = "{\"prompt\":\"what is SSE?\"}";
        List<Event> whole;
        try (EventReader answer = EventReader.post(client, uri("api/complete"), prompt)) {
            whole = answer.rest(WAIT);
            assertThat(answer.endedCleanly()).as("the answer ends as a complete HTTP response").isTrue();
        }
        assertThat(whole).last().extracting(Event::data).isEqualTo("[DONE]");
        List<Event> tokens = whole.subList(0, whole.size() - 1);
        // The whole answer, token by token: a stream that completed early (closed, or [DONE],
        // before the last token) has fewer; ids alone would not show it.
        List<String> answer = CompletionServlet.tokens("what is SSE?");
        assertThat(tokens).extracting(Event::data).containsExactlyElementsOf(answer);
        assertThat(tokens).extracting(Event::id)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, answer.size())
                        .mapToObj(Integer::toString).toList());
        try (EventReader resumed = EventReader.post(client, uri("api/complete"), prompt, "Last-Event-ID", "5")) {
            List<Event> rest = resumed.rest(WAIT);
            assertThat(resumed.endedCleanly()).isTrue();
            assertThat(rest.subList(0, rest.size() - 1)).containsExactlyElementsOf(tokens.subList(5, tokens.size()));
            assertThat(rest).last().extracting(Event::data).isEqualTo("[DONE]");
        }
    }

    @Test
    void chatReplaysTheRoomHistoryThenGoesLive() throws Exception {
        String said = "hello " + UUID.randomUUID();
        assertThat(post(client, "api/chat", "name=ann&text=" + said.replace(' ', '+')).statusCode()).isEqualTo(200);
        String from = (String) Json.parseObject(client.send(HttpRequest.newBuilder(uri("api/chat")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("historyFrom");
        try (EventReader room = EventReader.open(client, uri("sse/chat?lastEventId=" + from))) {
            Event e;
            do {
                e = room.next(WAIT);
            } while (!e.data().contains(said));
            String live = "live " + UUID.randomUUID();
            post(client, "api/chat", "name=ann&text=" + live.replace(' ', '+'));
            assertThat(room.next(WAIT).data()).contains(live);
        }
    }

    @Test
    void logTailShowsApiCalls() throws Exception {
        try (EventReader tail = EventReader.open(client, uri("sse/logs"))) {
            post(client, "api/chat", "name=&text=x");
            Map<String, Object> line;
            do {
                line = Json.parseObject(tail.next(WAIT).data());
            } while (!"http".equals(line.get("source")));
            assertThat((String) line.get("message")).matches("POST /api/chat 400 \\d+ ms");
            assertThat(line.get("level")).isEqualTo("WARN");
        }
    }

    @Test
    void dashboardSamplesTheJvm() throws Exception {
        try (EventReader dashboard = EventReader.open(client, uri("sse/dashboard"))) {
            Map<String, Object> sample = Json.parseObject(dashboard.next(WAIT).data());
            assertThat(sample.keySet()).containsAll(List.of("heapUsed", "heapMax", "threads", "streams", "eventsPerSecond"));
            assertThat((Long) sample.get("streams")).isPositive();
            assertThat((Long) sample.get("threads")).isPositive();
        }
    }

    @Test
    void dashboardShowsSsekitMicrometerMetersUnderTheirPrometheusNames() throws Exception {
        try (EventReader dashboard = EventReader.open(client, uri("sse/dashboard"))) {
            Map<String, Object> sample = Json.parseObject(dashboard.next(WAIT).data());
            assertThat(sample.keySet()).containsAll(List.of("ssekit_streams_open", "ssekit_events_published_total",
                    "ssekit_events_delivered_total", "ssekit_slow_consumers_disconnected_total", "ssekit_replays_total",
                    "ssekit_resets_total", "ssekit_queue_frames", "ssekit_flush_latency_seconds_count",
                    "ssekit_flush_latency_seconds_sum", "ssekit_flush_latency_seconds_max", "ssekit_eventlog_connected"));
            assertThat((Long) sample.get("ssekit_streams_open")).as("this stream at least").isPositive();
            assertThat((Long) sample.get("ssekit_events_published_total")).as("the clock ticks").isPositive();
            assertThat((Long) sample.get("ssekit_eventlog_connected")).isEqualTo(1);
        }
    }

    @Test
    void frontPageLinksToEveryDemo() throws Exception {
        String index = client.send(HttpRequest.newBuilder(server.uri()).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(index).contains("sse/clock", "href=\"notifications.html\"", "href=\"dashboard.html\"",
                "href=\"chat.html\"", "href=\"tokens.html\"", "href=\"logs.html\"", "href=\"conformance.html\"");
        for (String page : List.of("notifications.html", "dashboard.html", "chat.html", "tokens.html", "logs.html",
                "conformance.html", "assets/sse-demo.js", "assets/sparkline.js", "assets/style.css")) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(page)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page + " loads nothing from elsewhere").doesNotContainPattern("(src|href)=\"(https?:)?//");
        }
    }
}
