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
package org.ssekit.redis.internal;

/**
 * SSE ids of the Redis log: {@code <epoch>.<entry id>}, such as {@code 1x8k2m9q0d3f.1764620000000-0}.
 * Both parts use only {@code [0-9a-z.-]}, so an id needs no CORS preflight, and stays under 60
 * bytes.
 */
public final class Ids {
    /** The longest id this log issues (epoch 16 chars, two 19-digit numbers, separators). */
    static final int MAX_LENGTH = 16 + 1 + 19 + 1 + 19;

    /** An id taken apart: the epoch and the stream entry id (milliseconds and sequence). */
    public record Parsed(String epoch, long millis, long seq) {
        public String entryId() {
            return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(seq);
        }
    }

    private Ids() {
    }

    public static String format(String epoch, String entryId) {
        return epoch + "." + entryId;
    }

    /** The parts of {@code id}, or null when it is not an id of this form. */
    public static Parsed parse(String id) {
        if (id == null || id.length() > MAX_LENGTH) {
            return null;
        }
        int dot = id.indexOf('.');
        if (dot < 1 || dot > 16) {
            return null;
        }
        for (int i = 0; i < dot; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return null;
            }
        }
        int dash = id.indexOf('-', dot + 1);
        if (dash < 0) {
            return null;
        }
        long millis = number(id, dot + 1, dash);
        long seq = number(id, dash + 1, id.length());
        if (millis == -1 || seq == -1) {
            return null;
        }
        return new Parsed(id.substring(0, dot), millis, seq);
    }

    /** Entry ids ({@code ms-seq}) in stream order. */
    public static int compareEntryIds(String a, String b) {
        int dashA = a.indexOf('-');
        int dashB = b.indexOf('-');
        int c = Long.compare(Long.parseLong(a, 0, dashA, 10), Long.parseLong(b, 0, dashB, 10));
        return c != 0 ? c : Long.compare(Long.parseLong(a, dashA + 1, a.length(), 10),
                Long.parseLong(b, dashB + 1, b.length(), 10));
    }

    /**
     * Orders two ids: by entry id within one epoch; an id of {@code currentEpoch} comes after an
     * id of any other epoch; an id that is not one of ours comes before every id that is.
     */
    public static int compare(String a, String b, String currentEpoch) {
        Parsed pa = parse(a);
        Parsed pb = parse(b);
        if (pa == null || pb == null) {
            return pa == null ? (pb == null ? 0 : -1) : 1;
        }
        if (!pa.epoch().equals(pb.epoch())) {
            if (pa.epoch().equals(currentEpoch)) {
                return 1;
            }
            if (pb.epoch().equals(currentEpoch)) {
                return -1;
            }
            return pa.epoch().compareTo(pb.epoch());
        }
        int c = Long.compare(pa.millis(), pb.millis());
        return c != 0 ? c : Long.compare(pa.seq(), pb.seq());
    }

    /**
     * The decimal number in {@code s[from, to)}: 1 to 18 digits, no leading zero (so each entry
     * has one id, as Redis writes it), else -1.
     */
    private static long number(String s, int from, int to) {
        int digits = to - from;
        if (digits < 1 || digits > 18 || digits > 1 && s.charAt(from) == '0') {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
