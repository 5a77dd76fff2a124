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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.HttpRequest;
import org.ssekit.conformance.client.ResponseHead;

/** HDR: the response head of a stream. */
final class Headers extends AreaCheck {
    private static final long PROMPT_HEAD_MILLIS = 1000;

    Headers() {
        define("HDR-01", this::status200);
        define("HDR-02", this::contentType);
        define("HDR-03", this::charset);
        define("HDR-04", this::headFlushedAtOnce);
        define("HDR-05", this::cacheControl);
        define("HDR-06", this::noContentLength);
        define("HDR-07", this::accelBuffering);
        define("HDR-08", this::acceptNegotiation);
    }

    private ResponseHead head(Probe probe) throws IOException {
        return probe.stream(probe.channel()).head();
    }

    private Outcome status200(Probe probe) throws IOException {
        int status = head(probe).status();
        return status == 200 ? probe.ok("200", "200") : probe.violation("200", String.valueOf(status));
    }

    private Outcome contentType(Probe probe) throws IOException {
        Optional<String> type = head(probe).first("Content-Type");
        String expected = "Content-Type: text/event-stream";
        if (type.isPresent() && mediaType(type.get()).equals("text/event-stream")) {
            return probe.ok(expected, "Content-Type: " + type.get());
        }
        return probe.violation(expected, type.map(t -> "Content-Type: " + t).orElse("no Content-Type"));
    }

    private Outcome charset(Probe probe) throws IOException {
        Optional<String> type = head(probe).first("Content-Type");
        String expected = "no charset parameter, or charset=utf-8";
        Optional<String> charset = type.flatMap(Headers::charsetOf);
        if (charset.isEmpty() || charset.get().equalsIgnoreCase("utf-8")) {
            return probe.ok(expected, type.map(t -> "Content-Type: " + t).orElse("no Content-Type"));
        }
        return probe.violation(expected, "Content-Type: " + type.get());
    }

    private Outcome headFlushedAtOnce(Probe probe) throws IOException {
        HttpExchange exchange = probe.stream(probe.channel());
        long millis = exchange.headLatencyNanos() / 1_000_000;
        String expected = "the response head within " + PROMPT_HEAD_MILLIS + " ms, with no event published";
        String actual = "the head arrived after " + millis + " ms";
        return millis <= PROMPT_HEAD_MILLIS ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }

    private Outcome cacheControl(Probe probe) throws IOException {
        ResponseHead head = head(probe);
        String expected = "Cache-Control with no-cache (or no-store) and no-transform";
        boolean noCache = head.lists("Cache-Control", "no-cache") || head.lists("Cache-Control", "no-store");
        boolean noTransform = head.lists("Cache-Control", "no-transform");
        String actual = head.all("Cache-Control").isEmpty() ? "no Cache-Control"
                : "Cache-Control: " + String.join(", ", head.all("Cache-Control"));
        return noCache && noTransform ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }

    private Outcome noContentLength(Probe probe) throws IOException {
        Optional<String> length = head(probe).first("Content-Length");
        return length.isEmpty() ? probe.ok("no Content-Length", "no Content-Length")
                : probe.violation("no Content-Length", "Content-Length: " + length.get());
    }

    private Outcome accelBuffering(Probe probe) throws IOException {
        Optional<String> value = head(probe).first("X-Accel-Buffering");
        return probe.info("X-Accel-Buffering: no", value.map(v -> "X-Accel-Buffering: " + v).orElse("absent"));
    }

    private Outcome acceptNegotiation(Probe probe) throws IOException {
        String channel = probe.channel();
        List<String> accepted = List.of("text/event-stream", "text/html;q=0.9, text/event-stream",
                "application/json;q=0.5, text/event-stream;q=1.0", "text/event-stream; charset=utf-8");
        List<String> problems = new ArrayList<>();
        for (String accept : accepted) {
            ResponseHead head = open(probe, channel, accept);
            if (head.status() != 200 || !mediaType(head.first("Content-Type").orElse("")).equals("text/event-stream")) {
                problems.add("Accept: " + accept + " -> " + head.status() + " " + head.first("Content-Type").orElse(""));
            }
        }
        ResponseHead refused = open(probe, channel, "application/json");
        if (refused.status() != 406) {
            problems.add("Accept: application/json -> " + refused.status() + " (expected 406)");
        }
        return probe.judge("200 text/event-stream for " + accepted + "; 406 for Accept: application/json",
                problems, "all accepted, application/json refused with 406");
    }

    private static ResponseHead open(Probe probe, String channel, String accept) throws IOException {
        HttpRequest request = HttpRequest.get(probe.target().streamUri(channel)).header("Accept", accept)
                .header("Cache-Control", "no-cache");
        try (HttpExchange exchange = probe.open(request)) {
            return exchange.head();
        }
    }

    /** The media type of a Content-Type value, lower-case, without parameters. */
    static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> charsetOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                return Optional.of(pair[1].trim().replace("\"", ""));
            }
        }
        return Optional.empty();
    }
}
