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
package org.ssekit.bench.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jersey's own {@link SseBroadcaster}, the standard JAX-RS way: sinks register, events are
 * broadcast. JAX-RS has no heartbeat, so a scheduled broadcast of a comment stands in for one.
 */
final class JerseyStack implements ServerUnderTest {
    private final Set<SseEventSink> sinks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;
    private volatile long broadcastFailures; // written by the one publishing thread

    /** The resource, a singleton bound to this stack. */
    @Path("events")
    public final class Resource {
        @GET
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void subscribe(@Context SseEventSink sink, @Context Sse context) {
            broadcasterFor(context).register(sink);
            sinks.add(sink);
        }
    }

    private synchronized SseBroadcaster broadcasterFor(Sse context) {
        if (broadcaster == null) {
            sse = context;
            broadcaster = context.newBroadcaster();
        }
        return broadcaster;
    }

    @Override
    public void install(ServletContextHandler context, Duration heartbeat) {
        ResourceConfig config = new ResourceConfig().registerInstances(new Resource());
        ServletHolder holder = new ServletHolder(new ServletContainer(config));
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        long millis = heartbeat.toMillis();
        heartbeats.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        SseBroadcaster b = broadcaster;
        if (b != null) {
            b.broadcast(sse.newEventBuilder().comment("").build());
        }
    }

    @Override
    public void publish(long seq, String data) {
        SseBroadcaster b = broadcaster;
        if (b != null) {
            OutboundSseEvent event = sse.newEventBuilder().id(Long.toString(seq)).data(data).build();
            try {
                b.broadcast(event);
            } catch (IllegalArgumentException e) {
                // Jersey's broadcaster can throw "Unknown subscriber" while a sink closes; the
                // event is then missing on some sinks, which the load generator counts as loss.
                if (broadcastFailures++ == 0) {
                    e.printStackTrace();
                }
            }
        }
    }

    @Override
    public long publishFailures() {
        return broadcastFailures;
    }

    @Override
    public int connections() {
        sinks.removeIf(SseEventSink::isClosed);
        return sinks.size();
    }

    @Override
    public void stop() {
        heartbeats.shutdownNow();
    }
}
