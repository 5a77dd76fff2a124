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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.ssekit.internal.Cors;
import org.ssekit.internal.StreamHub;
import org.ssekit.servlet.Authorizer;
import org.ssekit.servlet.internal.ServletTransport;

/**
 * Opens a {@link StreamSink} on the servlet exchange of a JAX-RS request: admission, headers,
 * async mode, and the stream on the non-blocking output, held until the resource method has
 * returned (the runtime's integration calls {@link StreamSink#begin()}: {@link SinkStarter} on
 * Jersey, {@link ResteasySinkFilter} on RESTEasy). Called on the request thread.
 */
public final class SinkOpener {
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final StreamHub hub;
    private final EventConversion conversion;
    private final Authorizer authorizer;

    public SinkOpener(StreamHub hub, EventConversion conversion, Authorizer authorizer) {
        this.hub = hub;
        this.conversion = conversion;
        this.authorizer = authorizer;
    }

    /**
     * @throws WebApplicationException (401 or 403 with a text reason) when the authorizer denies
     * @throws ServiceUnavailableException (503 with Retry-After) at the connection cap
     * @throws IllegalStateException when the request did not pass the ssekit filter
     */
    public StreamSink open(ContainerRequestContext request) {
        Object exchange = request.getProperty(Exchange.PROPERTY);
        if (!(exchange instanceof Exchange ex)) {
            throw new IllegalStateException("no servlet exchange for this event-stream request: "
                    + "register SseKitFeature and run Jersey or RESTEasy in a servlet container with async support");
        }
        Authorizer.Access access = authorizer.authorize(ex.request());
        if (!access.allowed()) {
            throw new WebApplicationException(access.reason(), Response.status(access.status())
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(access.reason()).build());
        }
        // After the application's own filters: a principal they set on the SecurityContext counts.
        String user = access.user().orElseGet(() -> principal(request.getSecurityContext()));
        if (!hub.tryAdmit()) {
            throw new ServiceUnavailableException("too many open event streams, retry later",
                    hub.retryAfterSeconds());
        }
        try {
            StreamSink sink = start(ex, lastEventId(request), user);
            request.setProperty(StreamSink.PROPERTY, sink);
            return sink;
        } catch (IOException e) {
            hub.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            hub.release();
            throw e;
        }
    }

    private static String principal(SecurityContext security) {
        Principal p = security == null ? null : security.getUserPrincipal();
        return p == null ? null : p.getName();
    }

    private StreamSink start(Exchange ex, String lastEventId, String user) throws IOException {
        HttpServletRequest request = ex.request();
        // The runtime has suspended the request already (it does so for every SseEventSink method).
        AsyncContext async = request.isAsyncStarted() ? request.getAsyncContext() : request.startAsync();
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        Cors.answerHeaders(hub.config().cors(),
                ex.corsOrigin() != null ? Cors.Outcome.ALLOWED : Cors.Outcome.SAME_ORIGIN, ex.corsOrigin(),
                response::setHeader);
        ServletTransport transport = ServletTransport.open(hub, async, lastEventId);
        return new StreamSink(transport.stream(), transport, conversion, user);
    }

    private String lastEventId(ContainerRequestContext request) {
        return hub.lastEventId(request.getHeaderString(LAST_EVENT_ID),
                name -> request.getUriInfo().getQueryParameters().getFirst(name));
    }
}
