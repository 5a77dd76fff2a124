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

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a stream request for a terminated channel with 204 before the resource method's
 * {@code SseEventSink} is opened (a method that took the sink could no longer say 204).
 */
@Provider
final class JaxrsTerminatedFilter implements ContainerRequestFilter {
    private final Fixture fixture;

    JaxrsTerminatedFilter(Fixture fixture) {
        this.fixture = fixture;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if ("GET".equals(request.getMethod()) && (path.equals("events") || path.equals("/events"))
                && fixture.isTerminated(Fixture.channels(
                        request.getUriInfo().getQueryParameters().getOrDefault("channel", List.of()).toArray(String[]::new)))) {
            request.abortWith(Response.noContent().build());
        }
    }
}
