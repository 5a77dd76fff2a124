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

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.ssekit.conformance.internal.Json;

/**
 * The conformance fixture over Jersey's own SSE ({@code SseBroadcaster}, {@code SseEventSink}):
 * framing, ids and retry are Jersey's; the fixture passes input to the builder as an
 * application would. It declares only channels: Jersey has no heartbeat, no replay, no CORS
 * and no terminate.
 */
@Path("/")
@Singleton
public class JerseySseFixture {
    private final Map<String, SseBroadcaster> broadcasters = new ConcurrentHashMap<>();
    private final Map<String, Set<SseEventSink>> sinks = new ConcurrentHashMap<>();

    /** A Jersey servlet holder serving one instance of this fixture. */
    public static ServletHolder holder() {
        return new ServletHolder(new ServletContainer(new ResourceConfig().register(new JerseySseFixture())));
    }

    /** The capabilities. */
    @GET
    @Path("capabilities")
    @Produces(MediaType.APPLICATION_JSON)
    public String capabilities() {
        return Json.write(Map.of("profiles", List.of("channels")));
    }

    /** The open sinks, of one channel with {@code ?channel=C}. */
    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public String stats(@QueryParam("channel") String channel) {
        long open = (channel == null ? sinks.values().stream().flatMap(Set::stream).distinct()
                : sinks.getOrDefault(channel, Set.of()).stream()).filter(sink -> !sink.isClosed()).count();
        return Json.write(Map.of("connections", open));
    }

    /** A stream of the channels. */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@QueryParam("channel") List<String> channels, @Context SseEventSink sink, @Context Sse sse) {
        for (String channel : channels) {
            broadcaster(channel, sse).register(sink);
            sinks.computeIfAbsent(channel, c -> new CopyOnWriteArraySet<>()).add(sink);
        }
    }

    /** Publishes through the channel's broadcaster. */
    @POST
    @Path("publish")
    @Produces(MediaType.APPLICATION_JSON)
    public Response publish(@QueryParam("channel") String channel, String body, @Context Sse sse) {
        Map<String, Object> fields;
        try {
            fields = Json.parseObject(body);
        } catch (IllegalArgumentException e) {
            return json(400, Map.of("error", "malformed JSON"));
        }
        OutboundSseEvent event;
        try {
            event = build(sse, fields);
        } catch (RuntimeException e) {
            return json(400, Map.of("error", String.valueOf(e.getMessage())));
        }
        broadcaster(channel, sse).broadcast(event);
        return json(200, Map.of("id", fields.get("id") == null ? "" : fields.get("id")));
    }

    /** Closes the channel's sinks. */
    @POST
    @Path("disconnect")
    @Produces(MediaType.APPLICATION_JSON)
    public String disconnect(@QueryParam("channel") String channel) {
        Set<SseEventSink> open = sinks.getOrDefault(channel, Set.of());
        int closed = 0;
        for (SseEventSink sink : open) {
            if (!sink.isClosed()) {
                sink.close();
                closed++;
            }
        }
        return Json.write(Map.of("closed", closed));
    }

    private static OutboundSseEvent build(Sse sse, Map<String, Object> fields) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder()
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, (String) fields.get("data"));
        if (fields.get("event") != null) {
            builder.name((String) fields.get("event"));
        }
        if (fields.get("id") != null) {
            builder.id((String) fields.get("id"));
        }
        if (fields.get("retry") != null) {
            builder.reconnectDelay(((BigDecimal) fields.get("retry")).longValueExact());
        }
        return builder.build();
    }

    private SseBroadcaster broadcaster(String channel, Sse sse) {
        return broadcasters.computeIfAbsent(channel, c -> sse.newBroadcaster());
    }

    private static Response json(int status, Map<String, ?> body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.write(body)).build();
    }
}
