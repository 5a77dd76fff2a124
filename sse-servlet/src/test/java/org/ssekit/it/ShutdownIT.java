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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.UnavailableException;

import org.junit.jupiter.api.Test;
import org.ssekit.Broadcaster;
import org.ssekit.SseEvent;
import org.ssekit.conformance.client.MessageEvent;
import org.ssekit.servlet.SseFilter;

/** CLS-02: stopping the web app finishes the event in flight and ends every stream cleanly. */
class ShutdownIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void cls02ClientsSeeTheLastCompleteEventThenACleanEndThenAResetOnARestartedServer() throws Exception {
        String lastId;
        try (TestServer server = FilterServer.start("heartbeatMillis", "0");
                RawClient c = RawClient.get(server.port(), "/events?channel=c")) {
            c.readUntil(":\n", WAIT);
            Broadcaster broadcaster = FilterServer.broadcaster(server);
            broadcaster.publish("c", SseEvent.of("one"));
            lastId = broadcaster.publish("c", SseEvent.of("x".repeat(200_000))).toCompletableFuture().join().id();
            server.context().stop();
            assertThat(c.awaitEnd(WAIT)).as("the body ended").isTrue();
            List<MessageEvent> events = c.events();
            assertThat(c.bodyText()).endsWith("\n\n");
            assertThat(events).extracting(MessageEvent::lastEventId).endsWith(lastId);
            assertThatThrownBy(() -> broadcaster.publish("c", SseEvent.of("late")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
        try (TestServer restarted = FilterServer.start("heartbeatMillis", "0");
                RawClient c = RawClient.get(restarted.port(), "/events?channel=c", "Last-Event-ID: " + lastId)) {
            assertThat(c.eventsUntil("}\n\n", WAIT)).extracting(MessageEvent::type)
                    .containsExactly("reset");
        }
    }

    @Test
    void aBadFilterInitParamFailsDeploymentNamingIt() throws Exception {
        try (TestServer server = new TestServer().filter("/events", new SseFilter(), Map.of("heartbeatMillis", "often"))) {
            assertThatThrownBy(server::start).isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("heartbeatMillis='often'");
        }
        SseFilter filter = new SseFilter();
        assertThatThrownBy(() -> filter.init(new MapConfig(Map.of("eventLogMaxEvents", "none"))))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("eventLogMaxEvents");
    }

    @Test
    void aBadServletInitParamMakesItUnavailableNamingIt() throws Exception {
        try (TestServer server = new TestServer().servlet("/s", new QueueServlet(), Map.of("maxQueuedEvents", "0"))) {
            try {
                server.start();
                try (RawClient c = RawClient.get(server.port(), "/s")) {
                    // permanently unavailable: 404 per the Servlet spec (some containers say 503)
                    assertThat(c.status()).isIn(404, 503);
                }
            } catch (UnavailableException e) {
                assertThat(e).hasMessageContaining("maxQueuedEvents");
            }
        }
        assertThatThrownBy(() -> new QueueServlet().init(new MapConfig(Map.of("maxQueuedEvents", "0"))))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("maxQueuedEvents");
    }

    /** Init-params as web.xml would give them, to a filter or a servlet. */
    private record MapConfig(Map<String, String> params) implements FilterConfig, ServletConfig {
        @Override
        public String getServletName() {
            return "sse";
        }

        @Override
        public String getFilterName() {
            return "sse";
        }

        @Override
        public ServletContext getServletContext() {
            return null;
        }

        @Override
        public String getInitParameter(String name) {
            return params.get(name);
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(params.keySet());
        }
    }
}
