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
package org.ssekit.example;

import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demos' and the fixture's JSON, through JSON-P (the server's: Jakarta EE 10 Web Profile
 * has it; on a servlet-only container see the README). Writes flat objects, and reads one flat
 * object of strings, numbers, booleans and nulls, strictly (anything else is an error).
 */
final class Json {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    /**
     * {@code {"k": v, ...}}; values are strings, numbers, booleans, null, or iterables of
     * those. {@code <}, {@code >}, {@code &} and U+2028/9 come out as {@code \}{@code uXXXX}, so
     * the text stays harmless wherever it ends up (in a {@code <script>}, say).
     */
    static String object(Object... keysAndValues) {
        JsonObjectBuilder object = PROVIDER.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.add((String) keysAndValues[i], value(keysAndValues[i + 1]));
        }
        return htmlSafe(object.build().toString());
    }

    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        } else if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return PROVIDER.createValue(((Number) v).longValue());
        } else if (v instanceof BigDecimal d) {
            return PROVIDER.createValue(d);
        } else if (v instanceof Number n) {
            return PROVIDER.createValue(n.doubleValue());
        } else if (v instanceof Iterable<?> items) {
            var array = PROVIDER.createArrayBuilder();
            items.forEach(item -> array.add(value(item)));
            return array.build();
        }
        return PROVIDER.createValue(v.toString());
    }

    /** These characters occur in JSON text only inside strings, so the replacement is exact. */
    private static String htmlSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /**
     * Reads one flat JSON object. Strings come back as String, numbers as Long when written as
     * an integer of up to 18 digits and as Double otherwise, booleans as Boolean, null as null.
     *
     * @throws IllegalArgumentException with a short reason when the text is not such an object
     */
    static Map<String, Object> parseObject(String text) {
        Map<String, Object> result = new LinkedHashMap<>();
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw error(parser, "expected '{'");
            }
            for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                String key = parser.getString();
                if (result.containsKey(key)) {
                    throw error(parser, "duplicate key \"" + key + "\"");
                }
                result.put(key, switch (parser.next()) {
                    case VALUE_STRING -> parser.getString();
                    case VALUE_NUMBER -> parser.getString().matches("-?\\d{1,18}")
                            ? (Object) parser.getLong() : (Object) parser.getBigDecimal().doubleValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case VALUE_NULL -> null;
                    default -> throw error(parser, "expected a string, number, boolean or null");
                });
            }
            if (parser.hasNext()) {
                throw error(parser, "unexpected text after the object");
            }
            return result;
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("malformed JSON at offset " + e.getLocation().getStreamOffset()
                    + ": " + e.getMessage(), e);
        } catch (JsonException | java.util.NoSuchElementException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException error(JsonParser parser, String reason) {
        return new IllegalArgumentException("malformed JSON at offset " + parser.getLocation().getStreamOffset()
                + ": " + reason);
    }
}
