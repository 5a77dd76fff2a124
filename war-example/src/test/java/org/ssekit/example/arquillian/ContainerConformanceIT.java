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
package org.ssekit.example.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.ssekit.conformance.Conformance;
import org.ssekit.conformance.Options;
import org.ssekit.conformance.Report;
import org.ssekit.conformance.ReportFiles;

/**
 * The unchanged WAR deployed by Arquillian on the container that the failsafe execution
 * selects ({@code arquillian.launch}: jetty, tomcat10, tomcat11, and with -Pmanaged-servers
 * wildfly, payara-micro, glassfish, liberty), with the conformance suite
 * against its servlet fixture, and against its JAX-RS fixture where the container has JAX-RS
 * ({@code -Dexample.jaxrs=true}). Reports go to target/conformance/&lt;container&gt;-&lt;fixture&gt;/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContainerConformanceIT {
    private static final String CONTAINER = System.getProperty("arquillian.launch", "container");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.create(ExplodedImporter.class, "war-example.war")
                .importDirectory(System.getProperty("example.webapp"))
                .as(WebArchive.class);
    }

    @Test
    void frontPageAndClockStream() throws Exception {
        // HTTP/1.1, as browsers speak plain http: on Open Liberty 26.0.0.3 the client's default
        // h2c upgrade of GET on the context root (its welcome file) gets 101 and then no answer.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI root = base.toURI();
        HttpResponse<String> index = client.send(HttpRequest.newBuilder(root).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("sse/clock");
        HttpResponse<java.io.InputStream> clock = client.send(HttpRequest.newBuilder(root.resolve("sse/clock"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var body = clock.body()) {
            assertThat(clock.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            String firstEvent = new String(body.readNBytes(200), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(firstEvent).contains("retry:");
        }
    }

    @Test
    void servletFixtureConforms() throws Exception {
        conforms("servlet");
    }

    /**
     * {@code example.jaxrs}: {@code true} where sse-jaxrs binds to the server's JAX-RS;
     * {@code unbound} where the server keeps the classes sse-jaxrs needs from applications (Open
     * Liberty: RESTEasy's core package), so the fixture must say so with a 501 and its reason;
     * absent where the server has no JAX-RS, so nothing of the WAR answers there (404).
     */
    @Test
    void jaxrsFixtureConformsWhereTheContainerHasJaxrs() throws Exception {
        String jaxrs = System.getProperty("example.jaxrs", "none");
        if (!jaxrs.equals("true")) {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(base.toURI().resolve("conformance/jaxrs/capabilities"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (jaxrs.equals("none")) {
                assertThat(answer.statusCode()).as("%s has no JAX-RS: the JAX-RS half is not deployed", CONTAINER)
                        .isEqualTo(404);
                return;
            }
            assertThat(answer.statusCode()).as("JAX-RS fixture on %s", CONTAINER).isEqualTo(501);
            assertThat(answer.body()).contains("sse-jaxrs cannot hand resources its SseEventSink");
            return;
        }
        conforms("jaxrs");
    }

    private void conforms(String fixture) throws Exception {
        Report report = Conformance.run(base.toURI().resolve("conformance/" + fixture), Options.defaults());
        ReportFiles.write(report, Path.of("target", "conformance", CONTAINER + "-" + fixture), false);
        System.out.println(CONTAINER + " " + fixture + ": " + report.summaryLine());
        String failed = report.results().stream().filter(r -> r.verdict().fails(false))
                .map(r -> r.summaryLine() + "\n  expected: " + r.expected() + "\n  actual: " + r.actual())
                .collect(Collectors.joining("\n"));
        assertThat(report.fixture()).as("%s fixture on %s detected (GET capabilities)", fixture, CONTAINER).isTrue();
        assertThat(report.passed(false)).as("%s on %s:\n%s", fixture, CONTAINER, failed).isTrue();
    }
}
