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

import java.lang.reflect.Method;
import java.util.Arrays;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.SseEventSink;

import org.ssekit.CorsPolicy;
import org.ssekit.internal.Cors;

/**
 * Guards the resource methods that take an SseEventSink (other requests pass untouched):
 * refuses other origins not on the policy with 403 before the resource runs (so no stream or
 * subscription exists), and keeps the servlet exchange for the sink. Answers that are not a
 * stream (such as a 503) get the CORS headers here.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class EventStreamFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private final CorsPolicy policy;

    @Context
    private ResourceInfo resource;

    @Context
    private HttpServletRequest servletRequest;

    public EventStreamFilter(CorsPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!takesSink(resource.getResourceMethod())) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        Cors.Outcome cors = Cors.check(policy, origin, request.getUriInfo().getRequestUri().getScheme(),
                request.getHeaderString("Host"));
        if (cors == Cors.Outcome.REFUSED) {
            request.abortWith(PreflightFilter.refusal(policy, origin));
            return;
        }
        String allowed = cors == Cors.Outcome.ALLOWED ? origin : null;
        request.setProperty(Exchange.PROPERTY, new Exchange(servletRequest, allowed));
    }

    private static boolean takesSink(Method method) {
        return method != null && Arrays.asList(method.getParameterTypes()).contains(SseEventSink.class);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(Exchange.PROPERTY) instanceof Exchange ex) {
            Cors.answerHeaders(policy, ex.corsOrigin() != null ? Cors.Outcome.ALLOWED : Cors.Outcome.SAME_ORIGIN,
                    ex.corsOrigin(), response.getHeaders()::putSingle);
        }
    }
}
