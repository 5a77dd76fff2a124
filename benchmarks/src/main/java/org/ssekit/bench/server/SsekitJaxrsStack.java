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
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.ssekit.SseConfig;
import org.ssekit.jaxrs.ChannelBroadcaster;
import org.ssekit.jaxrs.SseKitFeature;

/** ssekit through its JAX-RS binding on Jersey: {@link SseKitFeature} and its {@link ChannelBroadcaster}. */
final class SsekitJaxrsStack implements ServerUnderTest {
    private final AtomicLong failures = new AtomicLong();
    private SseKitFeature feature;
    private ChannelBroadcaster broadcaster;
    private volatile Sse sse;

    /** The resource, a singleton bound to this stack. */
    @Path("events")
    public final class Resource {
        @GET
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void subscribe(@Context SseEventSink sink, @Context Sse context) {
            sse = context;
            broadcaster.register(sink);
        }
    }

    @Override
    public void install(ServletContextHandler context, Duration heartbeat) {
        feature = SseKitFeature.create(SsekitQueues.apply(SseConfig.builder().heartbeat(heartbeat)).build());
        broadcaster = feature.newBroadcaster("bench");
        ResourceConfig config = new ResourceConfig().registerInstances(feature, new Resource());
        ServletHolder holder = new ServletHolder(new ServletContainer(config));
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
    }

    @Override
    public void publish(long seq, String data) {
        Sse s = sse;
        if (s != null) {
            broadcaster.broadcast(s.newEventBuilder().data(data).build()).whenComplete((r, e) -> {
                if (e != null) {
                    failures.incrementAndGet();
                }
            });
        }
    }

    @Override
    public long publishFailures() {
        return failures.get();
    }

    @Override
    public int connections() {
        return feature.openStreams();
    }

    @Override
    public void stop() {
        feature.close();
    }
}
