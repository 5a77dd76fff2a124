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
package org.ssekit.conformance.peers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Spring MVC's {@code SseEmitter} on embedded Tomcat, no Boot: a {@code DispatcherServlet} with an
 * annotated controller, as the Spring reference ("HTTP Streaming", "SSE") teaches. The controller keeps
 * the emitters of each channel, removes them on completion, timeout and error, and sends with
 * {@code SseEmitter.event()}. It declares only {@code channels}: Spring has no heartbeat, no
 * Last-Event-ID replay, no CORS allowlist of its own for streams, no terminate.
 */
final class SpringMvcPeer implements Peer {
    private final Tomcat tomcat;
    private final Path baseDir;

    private SpringMvcPeer(Tomcat tomcat, Path baseDir) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
    }

    /** Starts Tomcat on a free loopback port with HTTP/1.1 and h2c (Tomcat's {@code Http2Protocol} upgrade). */
    static SpringMvcPeer start() throws IOException, LifecycleException {
        Path baseDir = Files.createTempDirectory("spring-mvc-peer");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.addUpgradeProtocol(new Http2Protocol());
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(WebConfig.class);
        Wrapper dispatcher = Tomcat.addServlet(context, "dispatcher", new DispatcherServlet(spring));
        dispatcher.setAsyncSupported(true);
        dispatcher.setLoadOnStartup(1);
        context.addServletMappingDecoded("/fx/*", "dispatcher");
        tomcat.start();
        return new SpringMvcPeer(tomcat, baseDir);
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/fx");
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop", e);
        } finally {
            deleteQuietly(baseDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the system cleans it up eventually
        }
    }

    /** The MVC configuration: one controller. */
    @Configuration
    @EnableWebMvc
    static class WebConfig {
        @Bean
        StreamController streamController() {
            return new StreamController();
        }
    }

    /** The fixture contract over {@code SseEmitter}. */
    @RestController
    static class StreamController {
        private final Map<String, Set<SseEmitter>> emitters = new ConcurrentHashMap<>();

        @GetMapping(path = "/capabilities", produces = MediaType.APPLICATION_JSON_VALUE)
        String capabilities() {
            return FixtureInput.json(Map.of("profiles", List.of("channels")));
        }

        @GetMapping(path = "/stats", produces = MediaType.APPLICATION_JSON_VALUE)
        String stats(@RequestParam(name = "channel", required = false) String channel) {
            long open = channel == null
                    ? emitters.values().stream().flatMap(Set::stream).distinct().count()
                    : emitters.getOrDefault(channel, Set.of()).size();
            return FixtureInput.json(Map.of("connections", open));
        }

        @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        SseEmitter events(@RequestParam("channel") List<String> channels) {
            SseEmitter emitter = new SseEmitter();
            for (String channel : channels) {
                emitters.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(emitter);
            }
            Runnable remove = () -> channels.forEach(c -> emitters.getOrDefault(c, Set.of()).remove(emitter));
            emitter.onCompletion(remove);
            emitter.onTimeout(emitter::complete);
            emitter.onError(e -> remove.run());
            return emitter;
        }

        @PostMapping(path = "/publish", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<String> publish(@RequestParam("channel") String channel,
                @RequestBody(required = false) String body) {
            FixtureInput input;
            try {
                input = FixtureInput.parse(body);
            } catch (IllegalArgumentException | ArithmeticException e) {
                return ResponseEntity.badRequest().body(FixtureInput.json(Map.of("error", String.valueOf(e.getMessage()))));
            }
            for (SseEmitter emitter : emitters.getOrDefault(channel, Set.of())) {
                try {
                    emitter.send(event(input));
                } catch (IOException | IllegalStateException e) {
                    emitter.completeWithError(e);
                }
            }
            return ResponseEntity.ok(FixtureInput.json(Map.of("id", input.id() == null ? "" : input.id())));
        }

        @PostMapping(path = "/disconnect", produces = MediaType.APPLICATION_JSON_VALUE)
        String disconnect(@RequestParam("channel") String channel) {
            int closed = 0;
            for (SseEmitter emitter : emitters.getOrDefault(channel, Set.of())) {
                emitter.complete();
                closed++;
            }
            return FixtureInput.json(Map.of("closed", closed));
        }

        private static SseEmitter.SseEventBuilder event(FixtureInput input) {
            SseEmitter.SseEventBuilder event = SseEmitter.event().data(input.data() == null ? "" : input.data());
            if (input.event() != null) {
                event.name(input.event());
            }
            if (input.id() != null) {
                event.id(input.id());
            }
            if (input.retry() != null) {
                event.reconnectTime(input.retry());
            }
            return event;
        }
    }
}
