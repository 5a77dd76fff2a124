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

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;
import org.jboss.resteasy.spi.ResteasyDeployment;

/**
 * RESTEasy's own SSE ({@code SseBroadcaster}, {@code SseEventSink}, the standard {@code jakarta.ws.rs.sse}
 * API), standalone: a {@code ResteasyDeployment} of one application on RESTEasy's
 * {@code HttpServlet30Dispatcher} in embedded Jetty 12 (the RESTEasy guide's embedded servlet deployment;
 * its Undertow container does not resolve here). One broadcaster per channel, as the JAX-RS tutorial
 * does. Declares only {@code channels}: RESTEasy has no heartbeat, no replay, no CORS, no terminate.
 */
final class ResteasyPeer implements Peer {
    private final Server server;
    private final ServerConnector connector;
    private final ResteasyDeployment deployment;

    private ResteasyPeer(Server server, ServerConnector connector, ResteasyDeployment deployment) {
        this.server = server;
        this.connector = connector;
        this.deployment = deployment;
    }

    /** Starts Jetty on a free loopback port with HTTP/1.1 and h2c. */
    static ResteasyPeer start() throws Exception {
        ResteasyDeploymentImpl deployment = new ResteasyDeploymentImpl();
        deployment.setApplication(new Application() {
            @Override
            public Set<Object> getSingletons() {
                return Set.of(new StreamResource());
            }
        });
        deployment.start();
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setRequestHeaderSize(128 * 1024);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config),
                new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setAttribute(ResteasyDeployment.class.getName(), deployment);
        ServletHolder holder = new ServletHolder(new HttpServlet30Dispatcher());
        holder.setAsyncSupported(true);
        holder.setInitParameter("resteasy.servlet.mapping.prefix", "/fx");
        context.addServlet(holder, "/fx/*");
        server.setHandler(context);
        server.start();
        return new ResteasyPeer(server, connector, deployment);
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/fx");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        } finally {
            deployment.stop();
        }
    }

    /** The fixture contract over the JAX-RS SSE API as RESTEasy implements it. */
    @Path("/")
    public static class StreamResource {
        private final Map<String, SseBroadcaster> broadcasters = new ConcurrentHashMap<>();
        private final Map<String, Set<SseEventSink>> sinks = new ConcurrentHashMap<>();

        /** The capabilities. */
        @GET
        @Path("capabilities")
        @Produces(MediaType.APPLICATION_JSON)
        public String capabilities() {
            return FixtureInput.json(Map.of("profiles", List.of("channels")));
        }

        /** The sinks that RESTEasy reports open. */
        @GET
        @Path("stats")
        @Produces(MediaType.APPLICATION_JSON)
        public String stats(@QueryParam("channel") String channel) {
            long open = (channel == null ? sinks.values().stream().flatMap(Set::stream).distinct()
                    : sinks.getOrDefault(channel, Set.of()).stream()).filter(sink -> !sink.isClosed()).count();
            return FixtureInput.json(Map.of("connections", open));
        }

        /** A stream of the channels. */
        @GET
        @Path("events")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void events(@QueryParam("channel") List<String> channels, @Context SseEventSink sink, @Context Sse sse) {
            for (String channel : channels) {
                broadcaster(channel, sse).register(sink);
                sinks.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(sink);
            }
        }

        /** Publishes through the channel's broadcaster. */
        @POST
        @Path("publish")
        @Produces(MediaType.APPLICATION_JSON)
        public Response publish(@QueryParam("channel") String channel, String body, @Context Sse sse) {
            FixtureInput input;
            OutboundSseEvent event;
            try {
                input = FixtureInput.parse(body);
                event = build(sse, input);
            } catch (RuntimeException e) {
                return json(400, Map.of("error", String.valueOf(e.getMessage())));
            }
            broadcaster(channel, sse).broadcast(event);
            return json(200, Map.of("id", input.id() == null ? "" : input.id()));
        }

        /** Closes the channel's sinks. */
        @POST
        @Path("disconnect")
        @Produces(MediaType.APPLICATION_JSON)
        public String disconnect(@QueryParam("channel") String channel) {
            int closed = 0;
            for (SseEventSink sink : sinks.getOrDefault(channel, Set.of())) {
                if (!sink.isClosed()) {
                    sink.close();
                    closed++;
                }
            }
            return FixtureInput.json(Map.of("closed", closed));
        }

        private static OutboundSseEvent build(Sse sse, FixtureInput input) {
            OutboundSseEvent.Builder builder = sse.newEventBuilder()
                    .mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, input.data() == null ? "" : input.data());
            if (input.event() != null) {
                builder.name(input.event());
            }
            if (input.id() != null) {
                builder.id(input.id());
            }
            if (input.retry() != null) {
                builder.reconnectDelay(input.retry());
            }
            return builder.build();
        }

        private SseBroadcaster broadcaster(String channel, Sse sse) {
            return broadcasters.computeIfAbsent(channel, c -> sse.newBroadcaster());
        }

        private static Response json(int status, Map<String, ?> body) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(FixtureInput.json(body)).build();
        }
    }
}
