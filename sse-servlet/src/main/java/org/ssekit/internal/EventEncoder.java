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
package org.ssekit.internal;

import java.nio.charset.StandardCharsets;

import org.ssekit.SseEvent;

/** Encodes events to the exact WHATWG bytes: UTF-8, LF line endings, no BOM. */
public final class EventEncoder {
    /** A bare comment line: the heartbeat, and the first line that commits the headers. */
    public static final byte[] HEARTBEAT = ":\n".getBytes(StandardCharsets.US_ASCII);

    private EventEncoder() {
    }

    public static byte[] encode(SseEvent event) {
        StringBuilder out = new StringBuilder(64);
        event.commentText().ifPresent(c -> appendLines(out, ":", c));
        if (event.isCommentOnly()) {
            return utf8(out);
        }
        event.id().ifPresent(id -> appendField(out, "id:", id));
        event.event().ifPresent(name -> appendField(out, "event:", name));
        event.retry().ifPresent(r -> appendField(out, "retry:", Long.toString(r.toMillis())));
        event.data().ifPresent(d -> appendLines(out, "data:", d));
        out.append('\n');
        return utf8(out);
    }

    /** {@code retry: <millis>\n\n}: a block that only sets the client's reconnection delay. */
    public static byte[] retry(long millis) {
        return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes one {@code prefix line} per line of {@code text}, splitting on CRLF, CR and LF.
     * An empty text, or an empty line, is written as the prefix alone ({@code data:}).
     */
    static void appendLines(StringBuilder out, String prefix, String text) {
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                appendField(out, prefix, text, start, i);
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        appendField(out, prefix, text, start, n);
    }

    private static void appendField(StringBuilder out, String prefix, String value) {
        appendField(out, prefix, value, 0, value.length());
    }

    private static void appendField(StringBuilder out, String prefix, String text, int from, int to) {
        // "data: value", or "data:" alone for an empty value; likewise ": text" and ":".
        out.append(prefix);
        if (from < to) {
            out.append(' ').append(text, from, to);
        }
        out.append('\n');
    }

    private static byte[] utf8(StringBuilder out) {
        // SseEvent refuses lone surrogates in every field, so this never substitutes '?':
        // the bytes are the text, in valid UTF-8 (FRM-01).
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
