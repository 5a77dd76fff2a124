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
package org.ssekit.jaxrs.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Providers;

import org.ssekit.CorsPolicy;
import org.ssekit.internal.Cors;

/**
 * Answers CORS preflights before matching, as the servlet binding does: 204 with the policy's
 * headers for an allowed origin, 403 with the reason {@code origin not allowed} for any other
 * origin; nothing reaches a resource. Same-origin requests pass. Also holds the runtime's
 * {@link Providers}, which event conversion needs outside requests.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class PreflightFilter implements ContainerRequestFilter {
    private final CorsPolicy policy;

    @Context
    private Providers injected;
    private volatile Providers applicationWide;

    public PreflightFilter(CorsPolicy policy) {
        this.policy = policy;
    }

    /** The runtime's providers: those set by {@link #useProviders}, else the injected ones (null before injection). */
    public Providers providers() {
        Providers set = applicationWide;
        return set != null ? set : injected;
    }

    /**
     * Uses {@code providers} instead of the injected ones, for a runtime whose injected
     * Providers resolves only on a request thread (RESTEasy's), while events are converted on
     * any thread.
     */
    public void useProviders(Providers providers) {
        this.applicationWide = providers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!Cors.isPreflight(request.getMethod(), request.getHeaderString("Access-Control-Request-Method"))) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        Cors.Outcome outcome = Cors.check(policy, origin, request.getUriInfo().getRequestUri().getScheme(),
                request.getHeaderString("Host"));
        if (outcome == Cors.Outcome.ALLOWED) {
            Response.ResponseBuilder answer = Response.noContent();
            Cors.preflightHeaders(policy, origin, answer::header);
            request.abortWith(answer.build());
        } else if (outcome == Cors.Outcome.REFUSED) {
            request.abortWith(refusal(policy, origin));
        }
    }

    /** 403 with the one-line reason, as the servlet binding answers a refused origin. */
    static Response refusal(CorsPolicy policy, String origin) {
        Response.ResponseBuilder answer = Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_PLAIN_TYPE).entity(Cors.REFUSED_REASON + "\n");
        Cors.answerHeaders(policy, Cors.Outcome.REFUSED, origin, answer::header);
        return answer.build();
    }
}
