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
package org.ssekit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nodes in their own JVMs (embedded Jetty, the servlet binding, one Redis log each) and HTTP
 * clients: a node is killed mid-stream and its clients resume on the others with no gap and no
 * duplicate; Redis goes away for ten seconds and the streams stay open, publishes answer 503,
 * and delivery resumes with no gap.
 */
class RedisNodeKillIT {
    private final List<Process> processes = new ArrayList<>();
    private final List<HttpSseClient> clients = new ArrayList<>();
    private RedisServer redis;

    @AfterEach
    void stopAll() throws Exception {
        clients.forEach(HttpSseClient::close);
        for (Process p : processes) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** Starts a node JVM and returns its base URI once it serves. */
    private URI node(String redisUri) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ClusterNode.class.getName(), "0", redisUri)
                .redirectErrorStream(true).start();
        processes.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("READY ")) {
                Path log = Path.of("target", "cluster-node-" + line.substring(6) + ".log");
                Thread drain = new Thread(() -> {
                    try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(log)) {
                        for (String l = out.readLine(); l != null; l = out.readLine()) {
                            w.write(l + "\n");
                            w.flush();
                        }
                    } catch (java.io.IOException ended) {
                        // the node exited
                    }
                }, "node-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create("http://127.0.0.1:" + line.substring(6));
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the node did not start: " + seen);
    }

    @Test
    void theClientsOfAKilledNodeResumeOnTheOthersWithNoGap() throws Exception {
        redis = RedisServer.start();
        List<URI> nodes = List.of(node(redis.uri()), node(redis.uri()), node(redis.uri()));
        // Clients of the killed node move to the next node that answers.
        java.util.function.IntUnaryOperator next = n -> n == 0 ? 1 : n;
        for (int n = 0; n < 3; n++) {
            for (int i = 0; i < 2; i++) {
                clients.add(new HttpSseClient(nodes, n, "channel=c", next));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> clients.stream().allMatch(HttpSseClient::connected));
        HttpClient http = HttpClient.newHttpClient();
        List<String> published = new ArrayList<>();
        int total = 600;
        for (int i = 0; i < total; i++) {
            URI target = nodes.get(1 + i % 2);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(target.resolve("/publish?channel=c&data=e" + i))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            published.add(r.body());
            if (i == total / 3) {
                processes.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9, mid-stream
            }
            if (i % 10 == 0) {
                Thread.sleep(5); // a steady pace, so the kill lands mid-stream
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !clients.stream().allMatch(c -> c.size() >= total)) {
            Thread.sleep(50);
        }
        for (HttpSseClient c : clients) {
            List<String> ids = c.events().stream().map(HttpSseClient.Event::id).toList();
            String state = "client of node " + clients.indexOf(c) / 2 + ", now on " + c.node() + " after "
                    + c.reconnects() + " reconnects, " + c.size() + " events";
            assertThat(c.events()).as(state).noneMatch(e -> "reset".equals(e.event()));
            assertThat(ids).as(state).doesNotHaveDuplicates().containsExactlyElementsOf(published);
        }
        assertThat(clients.subList(0, 2)).allMatch(c -> c.reconnects() >= 1 && c.node() == 1);
    }

    private static HttpResponse<String> publish(HttpClient http, URI node, String data) throws Exception {
        return http.send(HttpRequest.newBuilder(node.resolve("/publish?channel=c&data=" + data))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whileRedisIsDownForTenSecondsStreamsStayOpenPublishesAnswer503AndDeliveryResumesWithNoGap()
            throws Exception {
        redis = RedisServer.start("--appendonly", "yes");
        List<URI> nodes = List.of(node(redis.uri()), node(redis.uri()));
        for (int n = 0; n < 2; n++) {
            clients.add(new HttpSseClient(nodes, n, "channel=c", i -> i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> clients.stream().allMatch(HttpSseClient::connected));
        HttpClient http = HttpClient.newHttpClient();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = publish(http, nodes.get(i % 2), "before" + i);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            published.add(r.body());
        }
        redis.stop();
        long downSince = System.nanoTime();
        int refused = 0;
        while (System.nanoTime() - downSince < TimeUnit.SECONDS.toNanos(10)) {
            HttpResponse<String> r = publish(http, nodes.get(refused % 2), "down" + refused);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.body()).startsWith("{\"reason\":\"event log unavailable\"");
            refused++;
            Thread.sleep(200); // a publisher retrying now and then while Redis is down
        }
        assertThat(clients).allMatch(HttpSseClient::connected).allMatch(c -> c.reconnects() == 0);
        redis.launch();
        int i = 0;
        while (published.size() < 30) {
            HttpResponse<String> r = publish(http, nodes.get(i % 2), "after" + i);
            if (r.statusCode() == 200) {
                published.add(r.body());
                i++;
            } else {
                // Each node reconnects on its own backoff; until it has, it refuses (and records nothing).
                assertThat(r.body()).contains("was not published");
                assertThat(System.nanoTime() - downSince).isLessThan(TimeUnit.SECONDS.toNanos(30));
                Thread.sleep(50);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> clients.stream().allMatch(c -> c.size() >= 30));
        for (HttpSseClient c : clients) {
            assertThat(c.events()).extracting(HttpSseClient.Event::id).containsExactlyElementsOf(published);
            assertThat(c.events()).noneMatch(e -> e.data().startsWith("down"));
            assertThat(c.reconnects()).as("the stream stayed open through the outage").isZero();
        }
        assertThat(refused).isGreaterThan(10);
    }
}
