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
package org.ssekit.conformance.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON through JSON-P (Parsson), in the plain Java shapes the suite works with: objects read as
 * {@code LinkedHashMap<String, Object>}, arrays as {@code List<Object>}, numbers as
 * {@code BigDecimal}, plus {@code String}, {@code Boolean} and {@code null}; writing takes maps,
 * iterables, strings, numbers, booleans and nulls (anything else as its string).
 *
 * <p>Stateless and thread-safe.
 */
public final class Json {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    /**
     * Parses one JSON value, and nothing after it.
     *
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static Object parse(String text) {
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new IllegalArgumentException("bad JSON: no value");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new IllegalArgumentException("bad JSON at " + parser.getLocation().getStreamOffset()
                        + ": trailing characters");
            }
            return toJava(value);
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("bad JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a JSON object; IllegalArgumentException when the text is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    /**
     * Writes a value made of maps, iterables, strings, numbers, booleans and nulls, compactly.
     * U+2028 and U+2029 (line terminators to JavaScript) are escaped too, as report.json has
     * always had them; they can only occur inside strings, so the replacement is exact.
     */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = PROVIDER.createGenerator(out)) {
            generator.write(toJsonValue(value));
        }
        return out.toString().replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, toJava(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(toJava(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static JsonValue toJsonValue(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof String string) {
            return PROVIDER.createValue(string);
        } else if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            return PROVIDER.createValue(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            return PROVIDER.createValue(decimal);
        } else if (value instanceof BigInteger integer) {
            return PROVIDER.createValue(integer);
        } else if (value instanceof Number number) {
            return PROVIDER.createValue(number.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            var object = PROVIDER.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJsonValue(v)));
            return object.build();
        } else if (value instanceof Iterable<?> items) {
            var array = PROVIDER.createArrayBuilder();
            items.forEach(v -> array.add(toJsonValue(v)));
            return array.build();
        }
        return PROVIDER.createValue(value.toString());
    }
}
