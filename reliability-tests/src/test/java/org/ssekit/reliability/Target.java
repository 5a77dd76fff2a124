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
package org.ssekit.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.SseEventSink;

import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.ssekit.Broadcaster;
import org.ssekit.EventStream;
import org.ssekit.PublishResult;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.jaxrs.SseKitFeature;
import org.ssekit.servlet.SseStreams;

/**
 * One binding on one container, serving {@code GET /events?channel=C&client=K} on a free port
 * of 127.0.0.1 (or of {@code host}): the stream subscribes to channel C and is remembered
 * under K, so a test can close it from the server side ({@link #closeStream}).
 */
abstract class Target implements AutoCloseable {
    /** Streams by client key, for server-side drops. */
    final Map<String, AutoCloseable> byClient = new ConcurrentHashMap<>();
    /** When each client's stream closed (System.nanoTime), servlet targets only. */
    final Map<String, Long> closedAtNanos = new ConcurrentHashMap<>();

    abstract String name();

    abstract int port();

    abstract CompletionStage<PublishResult> publish(String channel, SseEvent event);

    abstract int openStreams();

    /** Closes the stream the client {@code key} holds now, if any, as the fixture's disconnect does. */
    boolean closeStream(String key) {
        AutoCloseable stream = byClient.remove(key);
        if (stream == null) {
            return false;
        }
        try {
            stream.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    /** Closes every open stream at once (a node restart, as clients see it). */
    int closeAll() {
        int n = 0;
        for (String key : List.copyOf(byClient.keySet())) {
            if (closeStream(key)) {
                n++;
            }
        }
        return n;
    }

    static Target servletOnJetty(SseConfig config) throws Exception {
        return new ServletJetty(config, "127.0.0.1", 0, 0);
    }

    /**
     * With SO_SNDBUF set on every accepted socket ({@code sendBuffer} > 0), which also turns
     * off Linux's send-buffer autotuning (up to tcp_wmem's maximum, 4 MiB here).
     */
    static Target servletOnJetty(SseConfig config, int sendBuffer) throws Exception {
        return new ServletJetty(config, "127.0.0.1", 0, sendBuffer);
    }

    static Target servletOnTomcat(SseConfig config) throws Exception {
        return new ServletTomcat(config, "127.0.0.1", 0, 0);
    }

    static Target jaxrsOnJetty(SseConfig config) throws Exception {
        return new JaxrsJetty(config);
    }

    static Target servlet(String container, SseConfig config, String host, int port, int sendBuffer) throws Exception {
        return "tomcat".equals(container) ? new ServletTomcat(config, host, port, sendBuffer) : new ServletJetty(config, host, port, sendBuffer);
    }

    /** The servlet binding: {@link SseStreams#subscribe} on a {@link Broadcaster}. */
    static final class EventsServlet extends HttpServlet {
        private final transient SseStreams streams;
        private final transient Broadcaster broadcaster;
        private final transient Map<String, AutoCloseable> byClient;

        private final transient Map<String, Long> closedAt;

        EventsServlet(SseStreams streams, Broadcaster broadcaster, Map<String, AutoCloseable> byClient, Map<String, Long> closedAt) {
            this.streams = streams;
            this.broadcaster = broadcaster;
            this.byClient = byClient;
            this.closedAt = closedAt;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String channel = req.getParameter("channel");
            String key = req.getParameter("client");
            streams.subscribe(req, resp, broadcaster, List.of(channel == null ? "c" : channel)).ifPresent(s -> remember(key, s));
        }

        private void remember(String key, EventStream s) {
            if (key != null) {
                AutoCloseable closer = s::close;
                byClient.put(key, closer);
                s.onClose(() -> {
                    closedAt.put(key, System.nanoTime());
                    byClient.remove(key, closer);
                });
            }
        }
    }

    private abstract static class ServletTarget extends Target {
        final SseStreams streams;
        final Broadcaster broadcaster = Broadcaster.create();

        ServletTarget(SseConfig config) {
            streams = SseStreams.create(config);
        }

        @Override
        CompletionStage<PublishResult> publish(String channel, SseEvent event) {
            return broadcaster.publish(channel, event);
        }

        @Override
        int openStreams() {
            return streams.openStreams();
        }

        void closeCore() {
            broadcaster.close();
            streams.shutdown(Duration.ZERO);
        }
    }

    private static final class ServletJetty extends ServletTarget {
        private final Server server;
        private final ServerConnector connector;

        ServletJetty(SseConfig config, String host, int port, int sendBuffer) throws Exception {
            super(config);
            QueuedThreadPool pool = new QueuedThreadPool(400, 8);
            server = new Server(pool);
            connector = new ServerConnector(server);
            connector.setHost(host);
            connector.setPort(port);
            connector.setAcceptQueueSize(4096);
            if (sendBuffer > 0) {
                connector.setAcceptedSendBufferSize(sendBuffer);
            }
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler("/");
            ServletHolder holder = new ServletHolder(new EventsServlet(streams, broadcaster, byClient, closedAtNanos));
            holder.setAsyncSupported(true);
            context.addServlet(holder, "/events");
            server.setHandler(context);
            server.setStopTimeout(0);
            server.start();
        }

        @Override
        String name() {
            return "servlet on Jetty 12";
        }

        @Override
        int port() {
            return connector.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            closeCore();
            server.stop();
        }
    }

    private static final class ServletTomcat extends ServletTarget {
        private final Tomcat tomcat = new Tomcat();

        ServletTomcat(SseConfig config, String host, int port, int sendBuffer) throws Exception {
            super(config);
            tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
            tomcat.setHostname(host);
            tomcat.setPort(port);
            tomcat.getConnector().setProperty("address", host);
            tomcat.getConnector().setProperty("maxConnections", "20000");
            tomcat.getConnector().setProperty("acceptCount", "4096");
            if (sendBuffer > 0) {
                tomcat.getConnector().setProperty("socket.txBufSize", Integer.toString(sendBuffer));
            }
            org.apache.catalina.Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "events", new EventsServlet(streams, broadcaster, byClient, closedAtNanos)).setAsyncSupported(true);
            context.addServletMappingDecoded("/events", "events");
            tomcat.start();
        }

        @Override
        String name() {
            return "servlet on Tomcat 10.1";
        }

        @Override
        int port() {
            return tomcat.getConnector().getLocalPort();
        }

        @Override
        public void close() throws Exception {
            closeCore();
            tomcat.stop();
            tomcat.destroy();
        }
    }

    /** The JAX-RS binding: {@link SseKitFeature} on Jersey, in Jetty. */
    private static final class JaxrsJetty extends Target {
        private final SseKitFeature feature;
        private final Server server;
        private final ServerConnector connector;

        JaxrsJetty(SseConfig config) throws Exception {
            feature = SseKitFeature.create(config);
            server = new Server(new QueuedThreadPool(400, 8));
            connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setAcceptQueueSize(4096);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler("/");
            ResourceConfig app = new ResourceConfig().register(feature).register(new EventsResource(feature, byClient));
            ServletHolder holder = new ServletHolder(new ServletContainer(app));
            holder.setAsyncSupported(true);
            holder.setInitOrder(1);
            context.addServlet(holder, "/*");
            server.setHandler(context);
            server.setStopTimeout(0);
            server.start();
        }

        @Override
        String name() {
            return "JAX-RS (SseKitFeature) on Jersey 3.1 in Jetty 12";
        }

        @Override
        int port() {
            return connector.getLocalPort();
        }

        @Override
        CompletionStage<PublishResult> publish(String channel, SseEvent event) {
            return feature.broadcaster().publish(channel, event);
        }

        @Override
        int openStreams() {
            return feature.openStreams();
        }

        @Override
        public void close() throws Exception {
            feature.shutdown(Duration.ZERO);
            feature.close();
            server.stop();
        }
    }

    /** The resource of the JAX-RS target. */
    @Path("/events")
    public static final class EventsResource {
        private final SseKitFeature feature;
        private final Map<String, AutoCloseable> byClient;

        EventsResource(SseKitFeature feature, Map<String, AutoCloseable> byClient) {
            this.feature = feature;
            this.byClient = byClient;
        }

        @GET
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void events(@Context SseEventSink sink, @QueryParam("channel") String channel, @QueryParam("client") String key) {
            feature.subscribe(sink, List.of(channel == null ? "c" : channel));
            if (key != null) {
                byClient.put(key, sink::close);
            }
        }
    }
}
