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
package org.ssekit.conformance.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A response's status line and header fields, in the order received.
 *
 * @param version the protocol, such as {@code HTTP/1.1} or {@code HTTP/2}
 * @param status  the status code
 * @param fields  the header fields; names as the server spelled them
 */
public record ResponseHead(String version, int status, List<Map.Entry<String, String>> fields) {
    /** Copies the fields. */
    public ResponseHead {
        fields = List.copyOf(fields);
    }

    /** The first value of a header field, compared case-insensitively. */
    public Optional<String> first(String name) {
        return all(name).stream().findFirst();
    }

    /** All values of a header field, compared case-insensitively. */
    public List<String> all(String name) {
        return fields.stream()
                .filter(field -> field.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** Whether the field is present at all. */
    public boolean has(String name) {
        return !all(name).isEmpty();
    }

    /**
     * Whether a comma-separated field (such as Vary or Cache-Control) lists {@code token},
     * case-insensitively and ignoring parameters.
     */
    public boolean lists(String name, String token) {
        String wanted = token.toLowerCase(Locale.ROOT);
        return all(name).stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(item -> item.split(";")[0].split("=")[0].trim().toLowerCase(Locale.ROOT))
                .anyMatch(wanted::equals);
    }

    /** The status line and fields as text, for messages. */
    public String describe() {
        StringBuilder out = new StringBuilder(version).append(' ').append(status);
        for (Map.Entry<String, String> field : fields) {
            out.append("\n").append(field.getKey()).append(": ").append(field.getValue());
        }
        return out.toString();
    }
}
