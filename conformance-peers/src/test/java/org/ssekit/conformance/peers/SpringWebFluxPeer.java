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

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

/**
 * Spring WebFlux's {@code ServerSentEvent} on Reactor Netty, no Boot: an annotated controller returning
 * {@code Flux<ServerSentEvent<String>>}, served through {@code WebHttpHandlerBuilder} and
 * {@code ReactorHttpHandlerAdapter} as the Spring reference ("HttpHandler") shows. Each channel is a
 * {@code Sinks.many().multicast().directBestEffort()} (Reactor's multicast sink that drops for a
 * subscriber that cannot keep up instead of holding up the others). Declares only {@code channels}.
 */
final class SpringWebFluxPeer implements Peer {
    private final AnnotationConfigApplicationContext spring;
    private final DisposableServer server;

    private SpringWebFluxPeer(AnnotationConfigApplicationContext spring, DisposableServer server) {
        this.spring = spring;
        this.server = server;
    }

    /** Starts Reactor Netty on a free loopback port with HTTP/1.1 and h2c. */
    static SpringWebFluxPeer start() {
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(WebConfig.class);
        HttpHandler handler = WebHttpHandlerBuilder.applicationContext(spring).build();
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .protocol(HttpProtocol.HTTP11, HttpProtocol.H2C)
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow();
        return new SpringWebFluxPeer(spring, server);
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.port() + "/fx");
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
        spring.close();
    }

    /** The WebFlux configuration: one controller. */
    @Configuration
    @EnableWebFlux
    static class WebConfig {
        @Bean
        StreamController streamController() {
            return new StreamController();
        }
    }

    /** One open stream: what closes it, and its channels. */
    private record Subscription(Sinks.Empty<Void> closer, List<String> channels) {
    }

    /** The fixture contract over {@code ServerSentEvent} and Reactor sinks. */
    @RestController
    @RequestMapping("/fx")
    static class StreamController {
        private final Map<String, Sinks.Many<ServerSentEvent<String>>> channels = new ConcurrentHashMap<>();
        private final Set<Subscription> open = ConcurrentHashMap.newKeySet();

        @GetMapping(path = "/capabilities", produces = MediaType.APPLICATION_JSON_VALUE)
        String capabilities() {
            return FixtureInput.json(Map.of("profiles", List.of("channels")));
        }

        @GetMapping(path = "/stats", produces = MediaType.APPLICATION_JSON_VALUE)
        String stats(@RequestParam(name = "channel", required = false) String channel) {
            long count = open.stream().filter(s -> channel == null || s.channels().contains(channel)).count();
            return FixtureInput.json(Map.of("connections", count));
        }

        @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        Flux<ServerSentEvent<String>> events(@RequestParam("channel") List<String> names) {
            Subscription subscription = new Subscription(Sinks.empty(), List.copyOf(names));
            Flux<ServerSentEvent<String>> merged = Flux.merge(names.stream().map(n -> channel(n).asFlux()).toList());
            return merged.takeUntilOther(subscription.closer().asMono())
                    .doOnSubscribe(s -> open.add(subscription))
                    .doFinally(signal -> open.remove(subscription));
        }

        @PostMapping(path = "/publish", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<String> publish(@RequestParam("channel") String channel,
                @RequestBody(required = false) String body) {
            FixtureInput input;
            ServerSentEvent<String> event;
            try {
                input = FixtureInput.parse(body);
                event = event(input);
            } catch (RuntimeException e) {
                return ResponseEntity.badRequest().body(FixtureInput.json(Map.of("error", String.valueOf(e.getMessage()))));
            }
            Sinks.Many<ServerSentEvent<String>> sink = channel(channel);
            synchronized (sink) {
                sink.tryEmitNext(event);
            }
            return ResponseEntity.ok(FixtureInput.json(Map.of("id", input.id() == null ? "" : input.id())));
        }

        @PostMapping(path = "/disconnect", produces = MediaType.APPLICATION_JSON_VALUE)
        String disconnect(@RequestParam("channel") String channel) {
            int closed = 0;
            for (Subscription subscription : open) {
                if (subscription.channels().contains(channel)) {
                    subscription.closer().tryEmitEmpty();
                    closed++;
                }
            }
            return FixtureInput.json(Map.of("closed", closed));
        }

        private Sinks.Many<ServerSentEvent<String>> channel(String name) {
            return channels.computeIfAbsent(name, n -> Sinks.many().multicast().directBestEffort());
        }

        private static ServerSentEvent<String> event(FixtureInput input) {
            ServerSentEvent.Builder<String> event = ServerSentEvent.builder(input.data() == null ? "" : input.data());
            if (input.event() != null) {
                event.event(input.event());
            }
            if (input.id() != null) {
                event.id(input.id());
            }
            if (input.retry() != null) {
                event.retry(Duration.ofMillis(input.retry()));
            }
            return event.build();
        }
    }
}
