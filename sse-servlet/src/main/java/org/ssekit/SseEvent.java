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
package org.ssekit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One server-sent event: an immutable value, encoded once and written to any number of clients.
 *
 * <p>On the wire (always UTF-8, LF line endings, fields in this order):
 * <pre>
 * SseEvent.builder().id("42").event("price").data("line 1\nline 2").build()
 *
 * id: 42\n
 * event: price\n
 * data: line 1\n
 * data: line 2\n
 * \n
 * </pre>
 * A comment is written first, one {@code : } line per line of text. {@code retry} is written
 * as ASCII digits (milliseconds). {@code data} and {@code comment} may hold any text: CR, LF
 * and CRLF split it into lines, and the client joins them back with LF. An empty data payload
 * is written as a bare {@code data:} line, so the client still dispatches the event. An event
 * with a name but no data gets that bare {@code data:} line too, because clients never
 * dispatch an event without one. An event that holds only a comment is written as comment
 * lines alone, without the blank line, so no client sees an empty message.
 *
 * <p>The builder rejects, and never rewrites, values that would break the framing: CR or LF
 * in {@code id} or {@code event}, U+0000 in {@code id}, a negative {@code retry}; and text
 * that has no UTF-8 form (a lone UTF-16 surrogate, such as JSON {@code "x\ud800y"}) in any
 * of {@code id}, {@code event}, {@code data} or {@code comment}, which would otherwise reach
 * clients silently rewritten as {@code ?}. Each refusal is an {@link IllegalArgumentException}
 * whose message starts with the field's name.
 *
 * <p>Thread safety: instances are immutable and safe to share between threads.
 */
public final class SseEvent {
    private final String id;
    private final String event;
    private final String data;
    private final String comment;
    private final Long retryMillis;

    private SseEvent(Builder b) {
        this.id = b.id;
        this.event = b.event;
        this.data = b.data == null && b.event != null ? "" : b.data;
        this.comment = b.comment;
        this.retryMillis = b.retryMillis;
    }

    /** A plain message event: {@code data: <text>\n\n}. */
    public static SseEvent of(String data) {
        return builder().data(data).build();
    }

    /** A named event: {@code event: <name>\ndata: <text>\n\n}. */
    public static SseEvent of(String event, String data) {
        return builder().event(event).data(data).build();
    }

    /** A comment, written as {@code : <text>\n} lines and ignored by clients. */
    public static SseEvent comment(String text) {
        return builder().comment(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this event's fields, for a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.event = event;
        b.data = data;
        b.comment = comment;
        b.retryMillis = retryMillis;
        return b;
    }

    /** This event with another id (validated like {@link Builder#id(String)}). */
    public SseEvent withId(String newId) {
        return toBuilder().id(newId).build();
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Optional<String> event() {
        return Optional.ofNullable(event);
    }

    public Optional<String> data() {
        return Optional.ofNullable(data);
    }

    public Optional<String> commentText() {
        return Optional.ofNullable(comment);
    }

    public Optional<Duration> retry() {
        return retryMillis == null ? Optional.empty() : Optional.of(Duration.ofMillis(retryMillis));
    }

    /** True when this event holds only a comment: it is written without a blank line. */
    public boolean isCommentOnly() {
        return id == null && event == null && data == null && retryMillis == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SseEvent e
                && Objects.equals(id, e.id) && Objects.equals(event, e.event)
                && Objects.equals(data, e.data) && Objects.equals(comment, e.comment)
                && Objects.equals(retryMillis, e.retryMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, event, data, comment, retryMillis);
    }

    @Override
    public String toString() {
        return "SseEvent{id=" + id + ", event=" + event + ", data=" + abbreviate(data)
                + ", comment=" + abbreviate(comment) + ", retry=" + retryMillis + "}";
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 40 ? s : s.substring(0, 40) + "...(" + s.length() + " chars)";
    }

    /**
     * Builds an {@link SseEvent}; every setter validates at once and names the bad field.
     *
     * <p>Thread safety: a builder is not thread-safe; use it from one thread.
     */
    public static final class Builder {
        private String id;
        private String event;
        private String data;
        private String comment;
        private Long retryMillis;

        private Builder() {
        }

        /** The event id; the client sends it back as {@code Last-Event-ID} on reconnect. */
        public Builder id(String id) {
            Objects.requireNonNull(id, "id");
            rejectLineBreaks("id", id);
            rejectLoneSurrogates("id", id);
            if (id.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("id must not contain U+0000 (NUL): clients ignore such an id");
            }
            this.id = id;
            return this;
        }

        /** The event name (type); clients dispatch it to listeners of that name. */
        public Builder event(String event) {
            Objects.requireNonNull(event, "event");
            rejectLineBreaks("event", event);
            rejectLoneSurrogates("event", event);
            this.event = event;
            return this;
        }

        /**
         * The payload: any text that has a UTF-8 form; line breaks become several
         * {@code data:} lines.
         *
         * @throws IllegalArgumentException when it holds a lone surrogate
         */
        public Builder data(String data) {
            Objects.requireNonNull(data, "data");
            rejectLoneSurrogates("data", data);
            this.data = data;
            return this;
        }

        /**
         * A comment: any text that has a UTF-8 form; line breaks become several {@code :} lines.
         *
         * @throws IllegalArgumentException when it holds a lone surrogate
         */
        public Builder comment(String comment) {
            Objects.requireNonNull(comment, "comment");
            rejectLoneSurrogates("comment", comment);
            this.comment = comment;
            return this;
        }

        /** The reconnection delay the client should use from now on. */
        public Builder retry(Duration retry) {
            Objects.requireNonNull(retry, "retry");
            if (retry.isNegative()) {
                throw new IllegalArgumentException("retry must not be negative: " + retry);
            }
            this.retryMillis = retry.toMillis();
            return this;
        }

        /** The reconnection delay in milliseconds, written as digits. */
        public Builder retryMillis(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("retry must not be negative: " + millis);
            }
            this.retryMillis = millis;
            return this;
        }

        public SseEvent build() {
            if (id == null && event == null && data == null && comment == null && retryMillis == null) {
                throw new IllegalStateException("an event needs at least one of data, event, id, retry or comment");
            }
            return new SseEvent(this);
        }

        private static void rejectLineBreaks(String field, String value) {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(field
                        + " must not contain CR or LF: it would end the field and inject another");
            }
        }

        /** Text with an unpaired surrogate has no UTF-8 form: refused, never sent as '?'. */
        private static void rejectLoneSurrogates(String field, String value) {
            int n = value.length();
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (!Character.isSurrogate(c)) {
                    continue;
                }
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new IllegalArgumentException(field + " must be valid Unicode text: a lone surrogate U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i
                        + " has no UTF-8 form");
            }
        }
    }
}
