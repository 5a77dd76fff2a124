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

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ssekit.Broadcaster;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.servlet.SseStreams;

/**
 * Tomcat hands a finished exchange's request, response and output objects to the next
 * connection. Writes that raced the end of a dead client's exchange (a heartbeat finding it
 * gone) used to reach a new client's stream and cut it after its first frame. Rounds of
 * clients that vanish while the next round connects: every live client gets every event.
 */
class TomcatRecycleIT {
    private static final int ROUNDS = 15;
    private static final int CLIENTS = 40;
    private static final int EVENTS = 5;

    private final SseStreams streams = SseStreams.create(SseConfig.builder().heartbeat(Duration.ofMillis(100)).build());
    private final Broadcaster broadcaster = Broadcaster.create();
    private Tomcat tomcat;
    private int port;

    @BeforeEach
    void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "events", new EventsServlet()).setAsyncSupported(true);
        context.addServletMappingDecoded("/events", "events");
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        broadcaster.close();
        streams.shutdown(Duration.ZERO);
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void clientsThatVanishNeverCutTheStreamsOfClientsThatArrive() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String channel = "round-" + round;
            List<RawClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(RawClient.get(port, "/events?channel=" + channel));
            }
            awaitSubscribers(channel);
            for (int e = 0; e < EVENTS; e++) {
                broadcaster.publish(channel, SseEvent.of(channel + "-event-" + e));
            }
            for (RawClient client : clients) {
                try {
                    client.readUntil(channel + "-event-" + (EVENTS - 1), Duration.ofSeconds(5));
                } catch (AssertionError lost) {
                    failures.add(channel + ": " + lost.getMessage());
                }
            }
            for (RawClient client : clients) {
                client.close(); // gone without a word: only a write finds out
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(150)); // the next round meets the heartbeats
        }
        assertThat(failures).as("clients cut short or missing events").isEmpty();
    }

    private void awaitSubscribers(String channel) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (broadcaster.subscribers(channel) < CLIENTS) {
            assertThat(System.nanoTime()).as("%d clients subscribed to %s", CLIENTS, channel).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private final class EventsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            streams.subscribe(request, response, broadcaster, List.of(request.getParameter("channel")));
        }
    }
}
