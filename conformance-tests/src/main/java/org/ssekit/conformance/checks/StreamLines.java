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
package org.ssekit.conformance.checks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The lines of a received event stream body, with the terminator of each, for wire-level checks. */
final class StreamLines {

    /**
     * One line.
     *
     * @param text       the line without its terminator
     * @param terminator {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or empty for an unterminated tail
     */
    record Line(String text, String terminator) {
        boolean isBlank() {
            return text.isEmpty();
        }

        boolean isComment() {
            return text.startsWith(":");
        }

        /** The field name, or empty for blank and comment lines. */
        String field() {
            if (isBlank() || isComment()) {
                return "";
            }
            int colon = text.indexOf(':');
            return colon < 0 ? text : text.substring(0, colon);
        }

        /** The field value with one leading space removed. */
        String value() {
            int colon = text.indexOf(':');
            if (colon < 0) {
                return "";
            }
            String value = text.substring(colon + 1);
            return value.startsWith(" ") ? value.substring(1) : value;
        }
    }

    private StreamLines() {
    }

    /** Splits a body decoded as UTF-8 (with replacement) into lines. */
    static List<Line> of(byte[] body) {
        return of(new String(body, StandardCharsets.UTF_8));
    }

    /** Splits text into lines on CRLF, LF and CR. */
    static List<Line> of(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
                lines.add(new Line(text.substring(start, i), crlf ? "\r\n" : String.valueOf(c)));
                i += crlf ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(new Line(text.substring(start), ""));
        }
        return lines;
    }
}
