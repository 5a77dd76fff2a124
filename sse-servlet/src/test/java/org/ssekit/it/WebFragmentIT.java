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

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssekit.SseEvent;
import org.ssekit.servlet.SseFilter;

/**
 * The sse-servlet jar's META-INF/web-fragment.xml on embedded Jetty: a web application whose
 * web.xml holds context parameters only, with the jar in WEB-INF/lib. The filter is there
 * when org.ssekit.filter.enabled=true, and nowhere otherwise.
 */
class WebFragmentIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private final Server server = new Server();
    private WebAppContext app;
    private int port;

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void enabledTheFragmentServesStreamsOnTheMappedPatternsWithTheGivenInitParams() throws Exception {
        deploy(Map.of("org.ssekit.filter.enabled", "true",
                "org.ssekit.filter.mapping", "/live/*, /feed",
                "org.ssekit.filter.defaultChannel", "news"));
        ServletContext context = app.getServletContext();
        assertThat(context.getFilterRegistration("ssekit").getUrlPatternMappings())
                .containsExactlyInAnyOrder("/live/*", "/feed");
        try (RawClient live = RawClient.get(port, "/app/live/x?channel=orders");
                RawClient feed = RawClient.get(port, "/app/feed")) {
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(feed.status()).isEqualTo(200);
            live.readUntil(":\n", WAIT);
            feed.readUntil(":\n", WAIT);
            SseFilter.broadcaster(context, "ssekit").publish("orders", SseEvent.of("order", "42"));
            SseFilter.broadcaster(context).publish("news", SseEvent.of("headline", "hello"));
            assertThat(live.readUntil("data: 42\n\n", WAIT)).contains("event: order\ndata: 42\n\n");
            // defaultChannel reached the filter as an init-param: /feed names no channel.
            assertThat(feed.readUntil("data: hello\n\n", WAIT)).contains("event: headline\ndata: hello\n\n");
        }
        try (RawClient elsewhere = RawClient.get(port, "/app/events?channel=orders")) {
            assertThat(elsewhere.status()).isEqualTo(404);
        }
    }

    @Test
    void enabledWithoutAMappingTheFilterServesEvents() throws Exception {
        deploy(Map.of("org.ssekit.filter.enabled", "TRUE"));
        try (RawClient c = RawClient.get(port, "/app/events?channel=orders")) {
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.header("Content-Type")).isEqualTo("text/event-stream");
        }
    }

    @ParameterizedTest(name = "org.ssekit.filter.enabled={0}")
    @ValueSource(strings = {"<absent>", "false", ""})
    void notEnabledTheFragmentAddsNoFilter(String enabled) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("org.ssekit.filter.mapping", "/events");
        if (!enabled.equals("<absent>")) {
            params.put("org.ssekit.filter.enabled", enabled);
        }
        deploy(params);
        ServletContext context = app.getServletContext();
        assertThat(context.getFilterRegistrations()).doesNotContainKey("ssekit");
        assertThat(context.getAttribute(SseFilter.BROADCASTER_ATTRIBUTE)).isNull();
        try (RawClient c = RawClient.get(port, "/app/events?channel=orders")) {
            assertThat(c.status()).isEqualTo(404);
        }
    }

    @Test
    void aBadSwitchFailsDeploymentNamingTheParameter() {
        assertThatThrownBy(() -> deploy(Map.of("org.ssekit.filter.enabled", "yes")))
                .hasStackTraceContaining("org.ssekit.filter.enabled");
    }

    @Test
    void aBadPatternFailsDeploymentNamingTheParameter() {
        assertThatThrownBy(() -> deploy(Map.of("org.ssekit.filter.enabled", "true",
                "org.ssekit.filter.mapping", "events")))
                .hasStackTraceContaining("org.ssekit.filter.mapping");
    }

    @Test
    void aBadFilterInitParamFailsDeploymentNamingIt() {
        assertThatThrownBy(() -> deploy(Map.of("org.ssekit.filter.enabled", "true",
                "org.ssekit.filter.heartbeatMillis", "soon")))
                .hasStackTraceContaining("heartbeatMillis");
    }

    /** A web.xml with context parameters only, and sse-servlet (as a jar) in WEB-INF/lib. */
    private void deploy(Map<String, String> contextParams) throws Exception {
        Path webInf = Files.createDirectories(dir.resolve("webapp/WEB-INF"));
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                """);
        contextParams.forEach((name, value) -> xml.append("  <context-param><param-name>").append(name)
                .append("</param-name><param-value>").append(value).append("</param-value></context-param>\n"));
        Files.writeString(webInf.resolve("web.xml"), xml.append("</web-app>\n"));
        jar(Path.of("target/classes"), Files.createDirectories(webInf.resolve("lib")).resolve("sse-servlet.jar"));

        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        app = new WebAppContext(webInf.getParent().toString(), "/app");
        // One copy of the classes (the test's), so the test can publish; the fragment is still
        // found in the jar in WEB-INF/lib, as on any container.
        app.setParentLoaderPriority(true);
        app.setThrowUnavailableOnStartupException(true);
        server.setHandler(app);
        server.start();
        port = connector.getLocalPort();
    }

    private static void jar(Path classes, Path jar) throws IOException {
        assertThat(classes.resolve("META-INF/web-fragment.xml")).isRegularFile();
        try (OutputStream file = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        }
    }
}
