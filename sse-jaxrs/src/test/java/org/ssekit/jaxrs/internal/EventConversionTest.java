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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;

import org.glassfish.jersey.media.sse.OutboundEvent;
import org.junit.jupiter.api.Test;
import org.ssekit.SseEvent;

/** OutboundSseEvent to the core's event: every field, the data by media type, and what is refused. */
class EventConversionTest {
    private final EventConversion conversion = new EventConversion(() -> new JsonOnly());

    private static OutboundEvent.Builder event() {
        return new OutboundEvent.Builder();
    }

    @Test
    void everyFieldIsCarriedOver() {
        SseEvent converted = conversion.toSseEvent(event().id("42").name("price").reconnectDelay(1500)
                .comment("note").data("12.5").build());
        assertThat(converted).isEqualTo(SseEvent.builder().id("42").event("price").retry(Duration.ofMillis(1500))
                .comment("note").data("12.5").build());
    }

    @Test
    void aStringGoesAsIsWhateverItsMediaType() {
        SseEvent converted = conversion.toSseEvent(event().mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, "{\"already\":\"json\"}").build());
        assertThat(converted.data()).hasValue("{\"already\":\"json\"}");
    }

    @Test
    void otherDataIsWrittenByTheRuntimesWriterForItsMediaType() {
        SseEvent converted = conversion.toSseEvent(event().mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Integer.class, 7).build());
        assertThat(converted.data()).hasValue("{\"value\":7}");
    }

    @Test
    void aCommentAloneStaysAComment() {
        assertThat(conversion.toSseEvent(event().comment("ping").build()).isCommentOnly()).isTrue();
    }

    @Test
    void dataWithoutAWriterIsRefusedNamingTheTypeAndMediaType() {
        assertThatThrownBy(() -> conversion.toSseEvent(event().mediaType(MediaType.APPLICATION_XML_TYPE)
                .data(Integer.class, 7).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer").hasMessageContaining("application/xml");
    }

    @Test
    void lineBreaksInNameOrIdAndNulInIdAreRefused() {
        assertThatThrownBy(() -> conversion.toSseEvent(event().name("a\rb").data("x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("OutboundSseEvent rejected: event");
        assertThatThrownBy(() -> conversion.toSseEvent(event().name("a\nb").data("x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR or LF");
        assertThatThrownBy(() -> conversion.toSseEvent(event().id("1\n2").data("x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("OutboundSseEvent rejected: id");
        assertThatThrownBy(() -> conversion.toSseEvent(event().id("1\u00002").data("x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }

    @Test
    void FRM01_textWithoutAUtf8FormIsRefusedNamingTheField() {
        assertThatThrownBy(() -> conversion.toSseEvent(event().data("x\uD800y").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OutboundSseEvent rejected: data ").hasMessageContaining("U+D800");
        assertThatThrownBy(() -> conversion.toSseEvent(event().name("\uDC00").data("x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("OutboundSseEvent rejected: event ");
        assertThatThrownBy(() -> conversion.toSseEvent(event().id("1\uD83D").data("x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("OutboundSseEvent rejected: id ");
        assertThatThrownBy(() -> conversion.toSseEvent(event().comment("\uDE00\uD83D").data("x").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OutboundSseEvent rejected: comment ");
        assertThat(conversion.toSseEvent(event().data("\uD83D\uDE00").build()).data()).hasValue("\uD83D\uDE00");
    }

    @Test
    void dataMayHoldAnyLineBreaks() {
        assertThat(conversion.toSseEvent(event().data("a\r\nb\rc\n").build()).data()).hasValue("a\r\nb\rc\n");
    }

    /** Providers with one writer: Integer as {"value":n} for application/json. */
    private static final class JsonOnly implements Providers {
        @Override
        @SuppressWarnings("unchecked")
        public <T> MessageBodyWriter<T> getMessageBodyWriter(Class<T> type, Type genericType,
                Annotation[] annotations, MediaType mediaType) {
            if (type != Integer.class || !mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return null;
            }
            return (MessageBodyWriter<T>) new MessageBodyWriter<Integer>() {
                @Override
                public boolean isWriteable(Class<?> t, Type g, Annotation[] a, MediaType m) {
                    return true;
                }

                @Override
                public void writeTo(Integer value, Class<?> t, Type g, Annotation[] a, MediaType m,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
                    out.write(("{\"value\":" + value + "}").getBytes(StandardCharsets.UTF_8));
                }
            };
        }

        @Override
        public <T> MessageBodyReader<T> getMessageBodyReader(Class<T> type, Type genericType,
                Annotation[] annotations, MediaType mediaType) {
            return null;
        }

        @Override
        public <T extends Throwable> ExceptionMapper<T> getExceptionMapper(Class<T> type) {
            return null;
        }

        @Override
        public <T> ContextResolver<T> getContextResolver(Class<T> contextType, MediaType mediaType) {
            return null;
        }
    }
}
