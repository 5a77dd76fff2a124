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

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ssekit.jaxrs.SseKitFeature;

/**
 * Answers every {@code /conformance/jaxrs} request with 501 and the reason where sse-jaxrs
 * cannot hand resources its sink: a JAX-RS runtime other than Jersey and RESTEasy, or a server
 * that hides RESTEasy from applications. The rest of the WAR still deploys and serves.
 */
@PreMatching
final class JaxrsInactiveFilter implements ContainerRequestFilter {
    private static final String REASON = "sse-jaxrs cannot hand resources its SseEventSink on this JAX-RS"
            + " runtime (it binds to Jersey and to RESTEasy where the server lets applications see RESTEasy;"
            + " the server log says why); use /conformance/servlet on this server";

    private final SseKitFeature sse;

    JaxrsInactiveFilter(SseKitFeature sse) {
        this.sse = sse;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!sse.isActive()) {
            request.abortWith(Response.status(501).type(MediaType.APPLICATION_JSON)
                    .entity(Json.object("error", REASON)).build());
        }
    }
}
