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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.ssekit.Broadcaster;
import org.ssekit.PublishResult;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.servlet.SseStreams;

/**
 * One node of a test cluster, in its own JVM: embedded Jetty on loopback with
 * {@code GET /events?channel=..} (an SSE stream through the servlet binding) and
 * {@code POST /publish?channel=..&data=..} (answers the id, or 503 with a JSON reason when Redis
 * is unavailable), all on one {@link RedisEventLog}. Prints {@code READY <port>} once serving
 * and connected to Redis.
 *
 * <p>Usage: {@code ClusterNode <port, 0 for any> <redis uri> [stream]}.
 */
public final class ClusterNode {
    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String uri = args[1];
        String stream = args.length > 2 ? args[2] : "cluster";
        Broadcaster broadcaster = Broadcaster.builder()
                .eventLog(RedisEventLog.builder().uri(uri).stream(stream).maxBackoff(Duration.ofMillis(500)).build())
                .build();
        SseStreams streams = SseStreams.create(SseConfig.builder().heartbeat(Duration.ofSeconds(1))
                .retry(Duration.ofMillis(200)).build());
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
                String[] channels = req.getParameterValues("channel");
                List<String> subscribed = channels == null ? List.of("c") : Arrays.asList(channels);
                streams.subscribe(req, res, broadcaster, subscribed);
            }
        }), "/events");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
                String channel = req.getParameter("channel");
                String data = req.getParameter("data");
                if (channel == null || data == null) {
                    answer(res, 400, "{\"reason\":\"name a channel and data\"}");
                    return;
                }
                try {
                    PublishResult r = broadcaster.publish(channel, SseEvent.of(data)).toCompletableFuture()
                            .get(10, TimeUnit.SECONDS);
                    answer(res, 200, r.id());
                } catch (java.util.concurrent.ExecutionException | CompletionException e) {
                    answer(res, 503, "{\"reason\":\"event log unavailable\",\"detail\":\""
                            + String.valueOf(e.getCause().getMessage()).replace("\"", "'") + "\"}");
                } catch (java.util.concurrent.TimeoutException e) {
                    answer(res, 503, "{\"reason\":\"event log timed out\"}");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer(res, 503, "{\"reason\":\"interrupted\"}");
                }
            }
        }), "/publish");
        server.setHandler(context);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broadcaster.close();
                streams.shutdown(Duration.ofSeconds(1));
                server.stop();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!broadcaster.eventLog().isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(20); // serve only once publishes can succeed
        }
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();
        server.join();
    }

    private static void answer(HttpServletResponse res, int status, String body) throws IOException {
        res.setStatus(status);
        res.setContentType(status == 200 ? "text/plain;charset=utf-8" : "application/json");
        res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
