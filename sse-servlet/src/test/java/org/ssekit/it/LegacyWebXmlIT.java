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

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SseFilter inside a plain web.xml application with no SseServlet and no JAX-RS. */
class LegacyWebXmlIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final Server server = new Server();
    private int port;

    @BeforeEach
    void deploy() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebAppContext app = new WebAppContext(Path.of("target/test-classes/legacy-webapp").toAbsolutePath().toString(),
                "/legacy");
        app.setParentLoaderPriority(true);
        app.setThrowUnavailableOnStartupException(true);
        server.setHandler(app);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void theFilterServesStreamsAndTheAppPublishesWithOneCall() throws Exception {
        try (RawClient c = RawClient.get(port, "/legacy/events")) {
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.header("Content-Type")).isEqualTo("text/event-stream");
            c.readUntil(":\n", WAIT);
            String id;
            try (RawClient post = RawClient.request(port, "POST", "/legacy/publish?channel=orders&data=42",
                    List.of("Content-Length: 0"), 0)) {
                assertThat(post.status()).isEqualTo(200);
                id = post.readFor(Duration.ofMillis(300));
            }
            assertThat(c.readUntil("data: 42\n\n", WAIT)).contains("id: " + id + "\nevent: order\ndata: 42\n\n");
            assertThat(openStreamsFromJmx()).isEqualTo(1L);
        }
    }

    @Test
    void otherMethodsGoDownTheChain() throws Exception {
        try (RawClient c = RawClient.request(port, "POST", "/legacy/events", List.of("Content-Length: 0"), 0)) {
            assertThat(c.status()).isNotEqualTo(200);
            assertThat(String.valueOf(c.header("Content-Type"))).doesNotStartWith("text/event-stream");
        }
    }

    private static long openStreamsFromJmx() throws Exception {
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = mbeans.queryNames(new ObjectName("org.ssekit:type=SseMetrics,context=\"/legacy\",*"), null);
        assertThat(names).hasSize(1);
        return (Long) mbeans.getAttribute(names.iterator().next(), "OpenStreams");
    }
}
