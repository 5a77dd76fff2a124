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
package org.ssekit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssekit.EventLog;
import org.ssekit.EventStream;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.servlet.Authorizer;

/**
 * One API on both bindings: the servlet binding's {@link Authorizer} admits JAX-RS sinks too
 * (a bearer token here), its user (or the SecurityContext principal) is the sink's user, so
 * publishToUser reaches it, and the connection registry lists, sends to and closes streams.
 */
class UserTargetingIT {
    /** Bearer tokens on /secure: "token-NAME" is the user NAME; anything else is refused. */
    static final Authorizer BEARER = request -> {
        if (!request.getRequestURI().startsWith("/secure")) {
            return Authorizer.Access.allow(null);
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Authorizer.Access.deny(401, "a bearer token is required");
        }
        String token = header.substring("Bearer ".length());
        return token.startsWith("token-") ? Authorizer.Access.allow(token.substring("token-".length()))
                : Authorizer.Access.deny(403, "unknown token");
    };

    static final AtomicInteger CALLS = new AtomicInteger();
    static SseKitFeature sse;
    static JaxrsJetty jetty;

    @Path("/")
    public static final class Streams {
        @GET
        @Path("secure")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void secure(@Context SseEventSink sink) {
            CALLS.incrementAndGet();
            sse.subscribe(sink, List.of("all"));
        }

        @GET
        @Path("open")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void open(@Context SseEventSink sink, @Context Sse runtime) {
            sse.subscribe(sink, List.of("all"));
        }
    }

    /** An application's own authentication filter: the X-Test-User header becomes the principal. */
    @Priority(Priorities.AUTHENTICATION)
    public static final class HeaderAuthentication implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            String name = request.getHeaderString("X-Test-User");
            if (name == null) {
                return;
            }
            Principal principal = () -> name;
            request.setSecurityContext(new SecurityContext() {
                public Principal getUserPrincipal() {
                    return principal;
                }

                public boolean isUserInRole(String role) {
                    return false;
                }

                public boolean isSecure() {
                    return false;
                }

                public String getAuthenticationScheme() {
                    return "X-Test-User";
                }
            });
        }
    }

    @BeforeAll
    static void start() throws Exception {
        sse = SseKitFeature.create(SseConfig.builder().heartbeat(Duration.ZERO).build(), EventLog.inMemory(), BEARER);
        jetty = JaxrsJetty.start(new Application() {
            @Override
            public Set<Object> getSingletons() {
                return Set.of(sse, new Streams(), new HeaderAuthentication());
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        sse.close();
        jetty.close();
    }

    private static HttpResponse<String> refused(String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(jetty.uri("/secure"))
                .header("Accept", "text/event-stream").timeout(EventClient.WAIT);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return EventClient.exchange(request.build());
    }

    private static EventClient connect(String path, String... headers) throws Exception {
        EventClient c = EventClient.get(jetty.uri(path), headers);
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.nextLine(EventClient.WAIT)).isEqualTo(":"); // the resource method has returned
        return c;
    }

    @Test
    void authorizerDeniesWithItsStatusAndReasonBeforeTheResourceRuns() throws Exception {
        int calls = CALLS.get();
        int open = sse.openStreams();
        HttpResponse<String> missing = refused();
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("a bearer token is required");
        HttpResponse<String> unknown = refused("Authorization", "Bearer stolen");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.body()).isEqualTo("unknown token");
        assertThat(CALLS.get()).as("resource method calls").isEqualTo(calls);
        assertThat(sse.openStreams()).as("no stream opened").isEqualTo(open);
    }

    @Test
    void publishToUserReachesEveryStreamOfThatUserOnly() throws Exception {
        try (EventClient alice1 = connect("/secure", "Authorization", "Bearer token-alice");
                EventClient alice2 = connect("/secure", "Authorization", "Bearer token-alice");
                EventClient bob = connect("/secure", "Authorization", "Bearer token-bob")) {
            assertThat(sse.connectionsOf("alice")).hasSize(2);
            assertThat(sse.connections("all")).hasSize(3);
            sse.broadcaster().publishToUser("alice", SseEvent.of("private", "for alice"));
            sse.broadcaster().publish("all", SseEvent.of("public", "for all"));
            for (EventClient a : List.of(alice1, alice2)) {
                assertThat(a.nextEvent().data()).isEqualTo("for alice");
                assertThat(a.nextEvent().data()).isEqualTo("for all");
            }
            assertThat(bob.nextEvent().data()).as("bob gets no event of alice's").isEqualTo("for all");
        }
    }

    @Test
    void theSecurityContextPrincipalIsTheUserWhenTheAuthorizerNamesNone() throws Exception {
        try (EventClient carol = connect("/open", "X-Test-User", "carol");
                EventClient anonymous = connect("/open")) {
            assertThat(sse.connectionsOf("carol")).hasSize(1);
            sse.broadcaster().publishToUser("carol", SseEvent.of("hi carol"));
            sse.broadcaster().publish("all", SseEvent.of("everyone"));
            assertThat(carol.nextEvent().data()).isEqualTo("hi carol");
            assertThat(carol.nextEvent().data()).isEqualTo("everyone");
            assertThat(anonymous.nextEvent().data()).isEqualTo("everyone");
        }
    }

    @Test
    void theRegistrySendsToOneConnectionAndClosesOne() throws Exception {
        try (EventClient dave = connect("/secure", "Authorization", "Bearer token-dave");
                EventClient erin = connect("/secure", "Authorization", "Bearer token-erin")) {
            List<EventStream> daves = sse.connectionsOf("dave");
            assertThat(daves).hasSize(1);
            daves.get(0).send(SseEvent.of("direct", "just you")).toCompletableFuture().join();
            EventClient.Event direct = dave.nextEvent();
            assertThat(direct.type()).isEqualTo("direct");
            assertThat(direct.data()).isEqualTo("just you");
            daves.get(0).close();
            dave.awaitEnd();
            // The stream leaves its channels once its close callbacks ran, just after the response ended.
            org.awaitility.Awaitility.await().atMost(EventClient.WAIT).until(() -> sse.connectionsOf("dave").isEmpty());
            assertThat(sse.connectionsOf("erin")).hasSize(1);
            sse.broadcaster().publish("all", SseEvent.of("still here"));
            assertThat(erin.nextEvent().data()).isEqualTo("still here");
        }
    }
}
