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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A timestamped record of what went over the wire during one conformance case: requests
 * sent, response heads and body bytes received, and notes. Body bytes are rendered with
 * {@code \r} and {@code \n} made visible, so the evidence shows the exact line endings.
 *
 * <p>Thread-safe: connections read on their own threads and append concurrently. One entry
 * keeps at most {@value #MAX_ENTRY_CHARS} characters, the log at most {@value #MAX_CHARS};
 * what is cut is noted.
 */
public final class WireLog {
    /** The most text one log keeps. */
    public static final int MAX_CHARS = 48 * 1024;
    /** The most text one entry keeps. */
    public static final int MAX_ENTRY_CHARS = 2048;

    /** Who produced an entry. */
    public enum Direction {
        /** Bytes the suite sent. */
        SENT(">"),
        /** Bytes the server sent. */
        RECEIVED("<"),
        /** A remark by the suite. */
        NOTE("#");

        private final String symbol;

        Direction(String symbol) {
            this.symbol = symbol;
        }

        /** The one-character marker used in {@link #render()}. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * One entry.
     *
     * @param elapsedMillis milliseconds since the log was created
     * @param connection    the connection label, such as {@code c1}
     * @param direction     who produced it
     * @param text          the text, body bytes escaped
     */
    public record Entry(long elapsedMillis, String connection, Direction direction, String text) {
    }

    private final long startNanos = System.nanoTime();
    private final List<Entry> entries = new ArrayList<>();
    private final boolean enabled;
    private int chars;
    private boolean truncated;

    private WireLog(boolean enabled) {
        this.enabled = enabled;
    }

    /** A new, empty log. */
    public static WireLog create() {
        return new WireLog(true);
    }

    /** A log that records nothing, for the many quiet clients of a load case. */
    public static WireLog discarding() {
        return new WireLog(false);
    }

    /** Records text the suite sent. */
    public void sent(String connection, String text) {
        add(connection, Direction.SENT, text);
    }

    /** Records text the server sent, such as a response head. */
    public void received(String connection, String text) {
        add(connection, Direction.RECEIVED, text);
    }

    /** Records body bytes the server sent, escaping CR and LF. */
    public void receivedBytes(String connection, byte[] bytes, int offset, int length) {
        if (enabled) {
            add(connection, Direction.RECEIVED, escape(new String(bytes, offset, length, StandardCharsets.UTF_8)));
        }
    }

    /** Records a remark. */
    public void note(String connection, String text) {
        add(connection, Direction.NOTE, text);
    }

    /** A snapshot of the entries. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The log as text, one entry per line: {@code +12ms c1 < data: x\n}. */
    public synchronized String render() {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            out.append(String.format("+%dms %s %s %s%n",
                    entry.elapsedMillis(), entry.connection(), entry.direction().symbol(), entry.text()));
        }
        if (truncated) {
            out.append("# (wire log truncated)\n");
        }
        return out.toString();
    }

    /** Makes CR, LF and other control characters visible. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\uFEFF') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private synchronized void add(String connection, Direction direction, String fullText) {
        if (!enabled || truncated) {
            return;
        }
        String text = fullText.length() <= MAX_ENTRY_CHARS ? fullText
                : fullText.substring(0, MAX_ENTRY_CHARS) + "... (" + (fullText.length() - MAX_ENTRY_CHARS) + " more)";
        if (chars + text.length() > MAX_CHARS) {
            truncated = true;
            return;
        }
        chars += text.length();
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
        entries.add(new Entry(elapsed, connection, direction, text));
    }
}
