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
package org.ssekit.conformance.peers;

import java.math.BigDecimal;
import java.util.Map;
import org.ssekit.conformance.internal.Json;

/**
 * The body of {@code POST B/publish}, parsed the same way for every peer, so that what differs between
 * the peers is only what their own SSE API does with it. The fields are passed on as given: validating
 * them is the peer's job (BAD-03, BAD-04), not the fixture's.
 */
record FixtureInput(String data, String event, String id, Long retry) {

    /** Parses the JSON body; {@code IllegalArgumentException} for malformed JSON or fields of the wrong type. */
    static FixtureInput parse(String body) {
        Map<String, Object> fields = Json.parseObject(body == null ? "" : body);
        return new FixtureInput(text(fields, "data"), text(fields, "event"), text(fields, "id"), number(fields));
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(name + " is not a string");
    }

    private static Long number(Map<String, Object> fields) {
        Object value = fields.get("retry");
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.longValueExact();
        }
        throw new IllegalArgumentException("retry is not a number");
    }

    /** A JSON body. */
    static String json(Map<String, ?> body) {
        return Json.write(body);
    }
}
