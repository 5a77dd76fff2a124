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

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** The event-stream resources of {@link TestApp}. */
@Path("/")
public final class StreamResource {
    private final TestApp app;

    StreamResource(TestApp app) {
        this.app = app;
    }

    @GET
    @Path("news")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void news(@Context SseEventSink sink) {
        app.news.register(sink);
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@QueryParam("channel") List<String> channels, @Context SseEventSink sink) {
        app.sse.subscribe(sink, channels);
    }

    @GET
    @Path("held")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void held(@Context SseEventSink sink, @Context Sse runtime) {
        app.sseContext.offer(runtime);
        app.held.offer(sink);
    }

    @GET
    @Path("broken")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void broken(@Context SseEventSink sink) {
        app.news.register(sink);
        throw new IllegalStateException("the resource failed after taking the sink");
    }
}
