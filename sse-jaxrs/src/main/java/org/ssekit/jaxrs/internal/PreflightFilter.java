package org.ssekit.jaxrs.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Providers;

import org.ssekit.CorsPolicy;
import org.ssekit.internal.CorsRules;

/**
 * Answers CORS preflights from allowed origins before matching: 204 with the policy's
 * headers, and nothing reaches a resource. A preflight from another origin is left to the
 * application (it gets no CORS headers from here, so a browser refuses the real request), so
 * an application that handles CORS for its other resources keeps doing so. Also holds the
 * runtime's {@link Providers}, which event conversion needs outside requests.
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
        if (!CorsRules.isPreflight(request.getMethod(), request.getHeaderString("Access-Control-Request-Method"))) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (CorsRules.check(policy, origin, request.getHeaderString("Host")) == CorsRules.Outcome.ALLOWED) {
            Response.ResponseBuilder answer = Response.noContent();
            CorsRules.preflightHeaders(policy, origin, answer::header);
            request.abortWith(answer.build());
        }
    }
}
