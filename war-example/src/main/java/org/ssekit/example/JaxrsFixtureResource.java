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
package org.ssekit.example;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.ssekit.jaxrs.SseKitFeature;

/** The fixture resources, written with the standard {@code jakarta.ws.rs.sse} API. */
@Path("/")
public class JaxrsFixtureResource {
    private final SseKitFeature sse;
    private final Fixture fixture;

    JaxrsFixtureResource(SseKitFeature sse, Fixture fixture) {
        this.sse = sse;
        this.fixture = fixture;
    }

    @GET
    @Path("capabilities")
    @Produces(MediaType.APPLICATION_JSON)
    public String capabilities() {
        return fixture.capabilities();
    }

    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public String stats(@QueryParam("channel") String channel) {
        return fixture.stats(channel, sse.openStreams());
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@QueryParam("channel") List<String> requested, @Context SseEventSink sink) {
        List<String> channels = Fixture.channels(requested.toArray(String[]::new));
        if (!channels.stream().allMatch(Fixture::validChannel)) {
            // Before anything is written to the sink: a 400 with a JSON reason, as the servlet fixture.
            throw new WebApplicationException(error("bad channel name"));
        }
        sse.subscribe(sink, channels);
        fixture.track(channels, new Fixture.Connection() {
            @Override
            public boolean isOpen() {
                return !sink.isClosed();
            }

            @Override
            public void close() {
                sink.close();
            }
        });
    }

    @POST
    @Path("publish")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> publish(@QueryParam("channel") String channel, String body,
            @Context Sse runtime) {
        String c = channel == null ? Fixture.DEFAULT_CHANNEL : channel;
        if (!Fixture.validChannel(c)) {
            return CompletableFuture.completedFuture(error("bad channel name"));
        }
        Fixture.Publish p;
        try {
            p = Fixture.parsePublish(body);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(error(e.getMessage()));
        }
        OutboundSseEvent.Builder event = runtime.newEventBuilder().data(p.data());
        if (p.event() != null) {
            event.name(p.event());
        }
        if (p.id() != null) {
            event.id(p.id());
        }
        if (p.retryMillis() != null) {
            event.reconnectDelay(p.retryMillis());
        }
        // Answered when the log has the event; 503 with the reason when it could not record it.
        return sse.publish(c, event.build())
                .thenApply(r -> Response.ok(Json.object("id", r.id(), "accepted", r.accepted())).build())
                .exceptionally(failure -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Json.object("error", "event not published: " + (failure.getCause() == null
                                ? failure.getMessage() : failure.getCause().getMessage())))
                        .build());
    }

    @POST
    @Path("disconnect")
    @Produces(MediaType.APPLICATION_JSON)
    public String disconnect(@QueryParam("channel") String channel) {
        return "{\"closed\":" + fixture.disconnect(channel == null ? Fixture.DEFAULT_CHANNEL : channel) + "}";
    }

    @POST
    @Path("terminate")
    @Produces(MediaType.APPLICATION_JSON)
    public String terminate(@QueryParam("channel") String channel) {
        return "{\"closed\":" + fixture.terminate(channel == null ? Fixture.DEFAULT_CHANNEL : channel) + "}";
    }

    private static Response error(String message) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Json.object("error", message)).build();
    }
}
