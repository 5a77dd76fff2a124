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
package org.ssekit.jaxrs;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The AI-chat pattern: a POST answered with a stream of tokens as the model produces them,
 * then {@code data: [DONE]}; when the model fails, an {@code error} event instead. The model
 * runs on its own threads: the container thread returns at once.
 *
 * <pre>
 * POST /chat            "tell me a story"
 *
 * data: tell\n\n  data: me\n\n  data: a\n\n  data: story\n\n  data: [DONE]\n\n   (then the response ends)
 * </pre>
 */
@Path("chat")
public final class ChatResource {
    private static final ExecutorService MODEL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "chat-model");
        t.setDaemon(true);
        return t;
    });

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void chat(String prompt, @Context SseEventSink sink, @Context Sse sse) {
        MODEL.execute(() -> answer(prompt, sink, sse));
    }

    private static void answer(String prompt, SseEventSink sink, Sse sse) {
        try {
            Iterator<String> tokens = model(prompt);
            while (tokens.hasNext() && !sink.isClosed()) {
                sink.send(sse.newEvent(tokens.next()));     // queued, never blocks
            }
            if (!sink.isClosed()) {
                sink.send(sse.newEvent("[DONE]"));
            }
        } catch (RuntimeException e) {
            if (!sink.isClosed()) {
                sink.send(sse.newEventBuilder().name("error")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(ChatError.class, new ChatError(e.getMessage()))
                        .build());
            }
        } finally {
            close(sink);                                    // after the queued events are written
        }
    }

    private static void close(SseEventSink sink) {
        try {
            sink.close();
        } catch (Exception e) {
            // Only JAX-RS 4.0 declares IOException here; the ssekit sink does not throw it.
        }
    }

    /** A stand-in for a language model: the prompt's words, one token each; "fail" breaks it. */
    private static Iterator<String> model(String prompt) {
        Iterator<String> words = List.of(prompt.trim().split("\\s+")).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return words.hasNext();
            }

            @Override
            public String next() {
                String word = words.next();
                if (word.equals("fail")) {
                    throw new IllegalStateException("the model failed at token '" + word + "'");
                }
                return word;
            }
        };
    }

    /** The body of an {@code error} event. */
    public record ChatError(String message) {
    }
}
