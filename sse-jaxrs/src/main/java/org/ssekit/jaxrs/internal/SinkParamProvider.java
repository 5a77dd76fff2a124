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
