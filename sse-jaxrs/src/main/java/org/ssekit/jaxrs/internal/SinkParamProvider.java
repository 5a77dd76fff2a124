package org.ssekit.jaxrs.internal;

import java.util.function.Function;

import jakarta.ws.rs.sse.SseEventSink;

import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/**
 * Supplies {@code @Context SseEventSink} parameters with a {@link StreamSink}. Its priority is
 * above the runtime's own SSE provider, so resources get the ssekit sink.
 */
public final class SinkParamProvider implements ValueParamProvider {
    private final SinkOpener opener;

    private SinkParamProvider(SinkOpener opener) {
        this.opener = opener;
    }

    public static SinkParamProvider of(SinkOpener opener) {
        return new SinkParamProvider(opener);
    }

    @Override
    public Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
        if (parameter.getRawType() != SseEventSink.class || parameter.getSource() != Parameter.Source.CONTEXT) {
            return null;
        }
        return opener::open;
    }

    @Override
    public PriorityType getPriority() {
        return Priority.HIGH;
    }
}
