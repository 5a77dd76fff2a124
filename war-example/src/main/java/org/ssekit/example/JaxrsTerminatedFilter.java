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
