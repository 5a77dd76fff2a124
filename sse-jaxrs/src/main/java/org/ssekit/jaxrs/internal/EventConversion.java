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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.sse.OutboundSseEvent;

import org.ssekit.SseEvent;

/**
 * Turns a JAX-RS {@link OutboundSseEvent} into the core's {@link SseEvent}. Data that is a
 * String goes as is; anything else is written by the runtime's MessageBodyWriter for the
 * event's media type (JSON through JSON-B). Thread-safe.
 */
public final class EventConversion {
    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    private final Supplier<Providers> providers;

    public EventConversion(Supplier<Providers> providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    /**
     * @throws IllegalArgumentException when the name or id would break the framing (CR, LF,
     *         or NUL in the id), any text field holds a lone surrogate (no UTF-8 form), or the
     *         data has no writer for its media type
     */
    public SseEvent toSseEvent(OutboundSseEvent event) {
        Objects.requireNonNull(event, "event");
        SseEvent.Builder b = SseEvent.builder();
        try {
            if (event.getName() != null) {
                b.event(event.getName());
            }
            if (event.getId() != null) {
                b.id(event.getId());
            }
            if (event.getComment() != null) {
                b.comment(event.getComment());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OutboundSseEvent rejected: " + e.getMessage(), e);
        }
        if (event.isReconnectDelaySet()) {
            b.retryMillis(event.getReconnectDelay());
        }
        if (event.getData() != null) {
            String text = dataText(event);
            try {
                b.data(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("OutboundSseEvent rejected: " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    private String dataText(OutboundSseEvent event) {
        Object data = event.getData();
        if (data instanceof String text) {
            return text;
        }
        MediaType type = event.getMediaType() == null ? MediaType.TEXT_PLAIN_TYPE : event.getMediaType();
        return write(event, data, type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String write(OutboundSseEvent event, Object data, MediaType type) {
        Providers runtime = providers.get();
        MessageBodyWriter writer = runtime == null ? null
                : runtime.getMessageBodyWriter(event.getType(), event.getGenericType(), NO_ANNOTATIONS, type);
        if (writer == null) {
            throw new IllegalArgumentException("OutboundSseEvent rejected: no MessageBodyWriter for "
                    + event.getType().getName() + " as " + type
                    + " (for JSON, add a JSON-B provider such as jersey-media-json-binding)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try {
            writer.writeTo(data, event.getType(), event.getGenericType(), NO_ANNOTATIONS, type,
                    new MultivaluedHashMap<String, Object>(), out);
        } catch (IOException e) {
            throw new IllegalArgumentException("OutboundSseEvent rejected: writing its data as " + type
                    + " failed: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
