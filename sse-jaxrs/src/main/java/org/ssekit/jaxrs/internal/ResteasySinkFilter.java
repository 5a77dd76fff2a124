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

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.resteasy.core.PostResourceMethodInvoker;
import org.jboss.resteasy.core.PostResourceMethodInvokers;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.plugins.providers.sse.SseEventSinkInterceptor;
import org.jboss.resteasy.spi.HttpRequest;
import org.jboss.resteasy.spi.ResteasyAsynchronousResponse;

/**
 * Hands RESTEasy's SSE resource methods the ssekit sink in place of RESTEasy's own, and lets
 * its stream begin once the method has returned.
 *
 * <p>For such a method RESTEasy's {@link SseEventSinkInterceptor} (a built-in request filter of
 * priority {@code Integer.MAX_VALUE}) suspends the request, puts its sink in the request's
 * context data, where parameter injection finds it, and queues a post-method hook that writes
 * the response head. This filter has the same priority and, registered by the application
 * after the built-ins, runs right after it (RESTEasy sorts filters stably). It opens the ssekit
 * sink on the same suspended exchange, puts it in the context in RESTEasy's place, and swaps
 * RESTEasy's hook for one that begins the ssekit stream: RESTEasy runs these hooks after the
 * method returned normally, so a sink the method registered is subscribed before its first
 * byte. When the method throws instead, RESTEasy drops the hooks, answers with the mapped
 * error and completes the exchange, which closes the unbegun stream.
 *
 * <p>Thread safety: stateless but for a warn-once flag; safe for concurrent requests.
 */
@Priority(Integer.MAX_VALUE)
public final class ResteasySinkFilter implements ContainerRequestFilter {
    private static final System.Logger LOG = System.getLogger(ResteasySinkFilter.class.getName());

    private final SinkOpener opener;
    private final AtomicBoolean warned = new AtomicBoolean();

    ResteasySinkFilter(SinkOpener opener) {
        this.opener = opener;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getProperty(Exchange.PROPERTY) instanceof Exchange)) {
            return; // the method takes no SseEventSink
        }
        if (ResteasyContext.getContextData(SseEventSink.class) == null) {
            warnNoRuntimeSink();
            return;
        }
        StreamSink sink;
        try {
            sink = opener.open(request);
        } catch (RuntimeException refused) {
            answerSuspended(request, refused);
            return;
        }
        takeRuntimeSinksPlace(sink);
    }

    /** Injection finds {@code sink}; RESTEasy's hook, which would write the head, gives way to ours. */
    private static void takeRuntimeSinksPlace(StreamSink sink) {
        ResteasyContext.getContextDataMap().put(SseEventSink.class, sink);
        PostResourceMethodInvokers hooks = ResteasyContext.getContextData(PostResourceMethodInvokers.class);
        hooks.getInvokers().removeIf(ResteasySinkFilter::isRuntimeSinkHook);
        hooks.addInvokers(new BeginHook(sink));
    }

    private static boolean isRuntimeSinkHook(PostResourceMethodInvoker hook) {
        return hook.getClass().getName().startsWith(SseEventSinkInterceptor.class.getName());
    }

    /**
     * RESTEasy drops what a filter aborts a suspended request with, so the refusal (503 with
     * Retry-After at the connection cap) goes out through the suspended response, which writes
     * it and completes the exchange; the abort only keeps the resource method from running. A
     * refusal goes as its response, as on Jersey, not as an exception RESTEasy would log.
     */
    private static void answerSuspended(ContainerRequestContext request, RuntimeException failure) {
        ResteasyAsynchronousResponse suspended = ResteasyContext.getRequiredContextData(HttpRequest.class)
                .getAsyncContext().getAsyncResponse();
        if (failure instanceof WebApplicationException refusal) {
            suspended.resume(refusal.getResponse());
        } else {
            suspended.resume(failure);
        }
        request.abortWith(Response.status(Response.Status.SERVICE_UNAVAILABLE).build());
    }

    private void warnNoRuntimeSink() {
        if (warned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "ssekit: RESTEasy made no SseEventSink for a resource method "
                    + "that takes one, so it gets no ssekit sink either: RESTEasy counts a method as SSE "
                    + "only when it produces text/event-stream alone, and needs its SseEventSinkInterceptor");
        }
    }

    /** Lets the stream write once the method has returned. */
    private record BeginHook(StreamSink sink) implements PostResourceMethodInvoker {
        @Override
        public void invoke() {
            sink.begin();
        }

        @Override
        public void close() {
            sink.close();
        }
    }
}
