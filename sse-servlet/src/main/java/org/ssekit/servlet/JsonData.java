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
package org.ssekit.servlet;

import java.util.Objects;

import org.ssekit.SseEvent;

/**
 * Any object as event data, written as JSON through JSON-B ({@code jakarta.json.bind}), so an
 * application sends its own types without a hand-written JSON writer:
 * <pre>
 * record Score(String home, String away, int[] goals) {}
 * broadcaster.publish("sports", JsonData.event("score", new Score("ARS", "CHE", new int[] {2, 1})));
 * // -&gt; "event: score\ndata: {\"away\":\"CHE\",\"goals\":[2,1],\"home\":\"ARS\"}\n\n" (plus its id)
 * </pre>
 * JSON-B writes compact JSON (no line breaks), so the value is one {@code data:} line. It needs
 * a JSON-B implementation at run time: Jakarta EE servers have one; on a plain servlet
 * container add {@code org.eclipse:yasson} (3.0.4 is tested). Without one, every method fails
 * with an {@link IllegalStateException} that names the missing dependency; ssekit itself does
 * not depend on JSON-B otherwise.
 *
 * <p>Thread safety: safe for concurrent use; one {@code Jsonb} instance is created on first use
 * and shared (JSON-B instances are thread-safe).
 */
public final class JsonData {
    private static final String API_CLASS = "jakarta.json.bind.JsonbBuilder";
    private static volatile Binding binding;

    private JsonData() {
    }

    /**
     * {@code value} as compact JSON.
     *
     * @throws IllegalStateException when no JSON-B implementation is available
     * @throws IllegalArgumentException when JSON-B cannot serialize {@code value}
     */
    public static String toJson(Object value) {
        Objects.requireNonNull(value, "value");
        return binding().toJson(value);
    }

    /** An unnamed event ({@code message} to the client) whose data is {@code value} as JSON. */
    public static SseEvent event(Object value) {
        return SseEvent.of(toJson(value));
    }

    /** An event named {@code name} whose data is {@code value} as JSON. */
    public static SseEvent event(String name, Object value) {
        return SseEvent.of(name, toJson(value));
    }

    /** Whether a JSON-B API is on the class path (an implementation may still be missing). */
    public static boolean isAvailable() {
        try {
            Class.forName(API_CLASS, false, JsonData.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Binding binding() {
        Binding b = binding;
        if (b != null) {
            return b;
        }
        if (!isAvailable()) {
            throw new IllegalStateException("JsonData needs JSON-B: add jakarta.json.bind:jakarta.json.bind-api"
                    + " and an implementation such as org.eclipse:yasson (3.0.4) to the application");
        }
        synchronized (JsonData.class) {
            if (binding == null) {
                binding = new Binding();
            }
            return binding;
        }
    }

    /** Everything that names JSON-B types: loaded only once the API is known to be there. */
    private static final class Binding {
        private final jakarta.json.bind.Jsonb jsonb;

        Binding() {
            try {
                jsonb = jakarta.json.bind.JsonbBuilder.create();
            } catch (jakarta.json.bind.JsonbException | LinkageError e) {
                throw new IllegalStateException("JsonData needs a JSON-B implementation: add org.eclipse:yasson"
                        + " (3.0.4) to the application (" + e.getMessage() + ")", e);
            }
        }

        String toJson(Object value) {
            try {
                return jsonb.toJson(value);
            } catch (jakarta.json.bind.JsonbException e) {
                throw new IllegalArgumentException("value of type " + value.getClass().getName()
                        + " cannot be written as JSON: " + e.getMessage(), e);
            }
        }
    }
}
