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

import java.util.Locale;

/** Decides from the Accept header (RFC 9110 12.5.1) whether a client takes text/event-stream. */
public final class AcceptHeader {
    private AcceptHeader() {
    }

    /**
     * True when no Accept header was sent, or when the most specific range that matches
     * {@code text/event-stream} ({@code text/event-stream}, {@code text/*}, {@code *}{@code /*})
     * has a q-value above zero.
     */
    public static boolean acceptsEventStream(Iterable<String> headerValues) {
        int bestSpecificity = -1;
        double bestQ = 0;
        boolean sawAny = false;
        for (String header : headerValues) {
            for (String range : header.split(",")) {
                String[] parts = range.split(";", -1); // never empty, also for ";" alone
                String type = parts[0].trim().toLowerCase(Locale.ROOT);
                if (type.isEmpty()) {
                    continue;
                }
                sawAny = true;
                int specificity = specificity(type);
                if (specificity > bestSpecificity) {
                    bestSpecificity = specificity;
                    bestQ = quality(parts);
                }
            }
        }
        return !sawAny || bestQ > 0;
    }

    private static int specificity(String type) {
        return switch (type) {
            case "text/event-stream" -> 2;
            case "text/*" -> 1;
            case "*/*", "*" -> 0;
            default -> -1;
        };
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(p.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0; // RFC 9110 qvalue: 0 to 1; anything else is not a weight
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
