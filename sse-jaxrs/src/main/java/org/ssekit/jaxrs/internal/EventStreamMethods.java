package org.ssekit.jaxrs.internal;

import java.lang.reflect.Method;
import java.util.Arrays;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.sse.SseEventSink;

/** Puts the {@link EventStreamFilter} on every resource method that takes an SseEventSink. */
public final class EventStreamMethods implements DynamicFeature {
    private final EventStreamFilter filter;

    public EventStreamMethods(EventStreamFilter filter) {
        this.filter = filter;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method != null && Arrays.asList(method.getParameterTypes()).contains(SseEventSink.class)) {
            context.register(filter);
        }
    }
}
