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

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The reference {@code text/event-stream} parser: it follows the WHATWG HTML
 * "Server-sent events" interpretation rules (section 9.2.6) to the letter, so the suite
 * judges a stream by what a conformant browser would dispatch.
 *
 * <ul>
 *   <li>bytes are decoded as UTF-8 with replacement; one U+FEFF BOM is stripped only at
 *       offset 0 of the stream;</li>
 *   <li>lines end with CRLF, LF or CR, also when CR and LF arrive in separate chunks;</li>
 *   <li>{@code data} appends the value and LF; {@code event} sets the type; {@code id} sets
 *       the last event ID buffer unless the value contains U+0000; {@code retry} sets the
 *       reconnection time only when the value is one or more ASCII digits; a line starting
 *       with a colon is a comment; other fields are ignored;</li>
 *   <li>a blank line dispatches: it always copies the last event ID buffer into the last
 *       event ID string (so an id-only block sets it) but dispatches an event only when the
 *       data buffer is not empty;</li>
 *   <li>at the end of the stream an incomplete line and a pending event are discarded.</li>
 * </ul>
 *
 * <p>Not thread-safe: feed it from one thread.
 */
public final class EventStreamParser {

    /** Receives what the parser finds. All methods default to doing nothing. */
    public interface Listener {
        /** An event a browser would dispatch. */
        default void onEvent(MessageEvent event) {
        }

        /** A comment line, without its leading colon. */
        default void onComment(String comment) {
        }

        /** A valid {@code retry} field: the new reconnection time in milliseconds. */
        default void onRetry(long millis) {
        }

        /** A field that is not data, event, id or retry (a browser ignores it). */
        default void onUnknownField(String name, String value) {
        }
    }

    private final Listener listener;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pendingBytes = ByteBuffer.allocate(0);
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventIdBuffer = "";
    private String lastEventId = "";
    private long reconnectionTime = -1;
    private boolean sawFirstChar;
    private boolean afterCr;
    private boolean ended;

    /** A parser that reports to {@code listener}. */
    public EventStreamParser(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Parses a complete stream and returns the events a browser would dispatch. */
    public static List<MessageEvent> parse(byte[] stream) {
        List<MessageEvent> events = new ArrayList<>();
        EventStreamParser parser = new EventStreamParser(new Listener() {
            @Override
            public void onEvent(MessageEvent event) {
                events.add(event);
            }
        });
        parser.feed(stream, 0, stream.length);
        parser.end();
        return events;
    }

    /** Feeds the next bytes of the stream. */
    public void feed(byte[] bytes, int offset, int length) {
        if (ended) {
            throw new IllegalStateException("stream already ended");
        }
        ByteBuffer input = ByteBuffer.allocate(pendingBytes.remaining() + length);
        input.put(pendingBytes).put(bytes, offset, length).flip();
        decode(input, false);
        pendingBytes = input.slice();
    }

    /** Ends the stream: decodes any incomplete UTF-8 tail and discards an unfinished event. */
    public void end() {
        if (ended) {
            return;
        }
        decode(pendingBytes, true);
        ended = true;
        line.setLength(0);
        data.setLength(0);
        eventType = "";
    }

    /** The last event ID string, as {@code EventSource} would send it on reconnection. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The reconnection time set by the last valid {@code retry} field, if any. */
    public OptionalLong reconnectionTime() {
        return reconnectionTime < 0 ? OptionalLong.empty() : OptionalLong.of(reconnectionTime);
    }

    /** Whether fields have been seen since the last blank line (an event is half received). */
    public boolean hasPendingEvent() {
        return data.length() > 0 || !eventType.isEmpty() || line.length() > 0;
    }

    private void decode(ByteBuffer input, boolean endOfInput) {
        CharBuffer chars = CharBuffer.allocate(input.remaining() + 4);
        decoder.decode(input, chars, endOfInput);
        if (endOfInput) {
            decoder.flush(chars);
        }
        chars.flip();
        while (chars.hasRemaining()) {
            accept(chars.get());
        }
    }

    private void accept(char c) {
        boolean first = !sawFirstChar;
        sawFirstChar = true;
        if (first && c == '\uFEFF') {
            return;
        }
        if (c == '\n' && afterCr) {
            afterCr = false;
            return;
        }
        afterCr = c == '\r';
        if (c == '\r' || c == '\n') {
            processLine(line.toString());
            line.setLength(0);
        } else {
            line.append(c);
        }
    }

    private void processLine(String text) {
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            listener.onComment(text.substring(1));
            return;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            processField(text, "");
            return;
        }
        String value = text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        processField(text.substring(0, colon), value);
    }

    private void processField(String name, String value) {
        switch (name) {
            case "event" -> eventType = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\u0000') < 0) {
                    lastEventIdBuffer = value;
                }
            }
            case "retry" -> {
                if (isAsciiDigits(value)) {
                    reconnectionTime = parseMillis(value);
                    listener.onRetry(reconnectionTime);
                }
            }
            default -> listener.onUnknownField(name, value);
        }
    }

    private void dispatch() {
        lastEventId = lastEventIdBuffer;
        if (data.length() == 0) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1);
        String type = eventType.isEmpty() ? "message" : eventType;
        MessageEvent event = new MessageEvent(type, data.toString(), lastEventId);
        data.setLength(0);
        eventType = "";
        listener.onEvent(event);
    }

    /** Whether {@code value} is one or more ASCII digits, the only retry a browser accepts. */
    public static boolean isAsciiDigits(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseMillis(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return Long.MAX_VALUE;
        }
    }
}
