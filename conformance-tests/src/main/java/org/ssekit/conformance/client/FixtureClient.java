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

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.ssekit.conformance.internal.Json;

/**
 * Talks to the conformance fixture of a server (DESIGN.md, "The conformance fixture
 * contract") under a base URL {@code B}: capabilities, events, publish, disconnect,
 * terminate and stats.
 *
 * <p>Thread-safe: every call uses its own connection.
 */
public final class FixtureClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * A complete response.
     *
     * @param head the head
     * @param body the body as UTF-8 text
     */
    public record Response(ResponseHead head, String body) {
        /** The status code. */
        public int status() {
            return head.status();
        }

        /** The body as a JSON object, or empty when it is not one. */
        public Optional<Map<String, Object>> json() {
            try {
                return Optional.of(Json.parseObject(body));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private final String base;

    /** A client for the fixture under {@code base}. */
    public FixtureClient(URI base) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Reads {@code GET B/capabilities}.
     *
     * @return the capabilities, or empty when the server has no fixture there (not a 200 JSON
     *     object, or a base URL with a query, which cannot be a fixture base)
     * @throws IOException when the server cannot be reached at all
     */
    public Optional<Capabilities> capabilities(WireLog log) throws IOException {
        if (base.contains("?")) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.get(uri("capabilities", Map.of())).header("Accept", "application/json")
                .header("Connection", "close");
        try (HttpExchange exchange = HttpExchange.open(request, log, "fixture", TIMEOUT)) {
            String type = exchange.head().first("Content-Type").orElse("");
            if (exchange.head().status() != 200 || !type.toLowerCase(Locale.ROOT).contains("json")
                    || !exchange.awaitEnd(TIMEOUT)) {
                return Optional.empty();
            }
            return new Response(exchange.head(), exchange.bodyText()).json().map(Capabilities::fromJson);
        }
    }

    /** The stream URL for these channels: {@code B/events?channel=a&channel=b}. */
    public URI events(List<String> channels) {
        return events(channels, Map.of());
    }

    /** The stream URL for these channels plus extra query parameters. */
    public URI events(List<String> channels, Map<String, String> extra) {
        String query = channels.stream().map(c -> "channel=" + encode(c)).collect(Collectors.joining("&"));
        for (Map.Entry<String, String> parameter : extra.entrySet()) {
            query += "&" + encode(parameter.getKey()) + "=" + encode(parameter.getValue());
        }
        return URI.create(base + "/events?" + query);
    }

    /**
     * {@code POST B/publish?channel=C} with a JSON body built from {@code fields}
     * ({@code data}, {@code event}, {@code id}, {@code retry}).
     */
    public Response publish(String channel, Map<String, Object> fields, WireLog log) throws IOException {
        return publishRaw(channel, Json.write(fields), log);
    }

    /** {@code POST B/publish?channel=C} with any body, for malformed input. */
    public Response publishRaw(String channel, String body, WireLog log) throws IOException {
        return send(HttpRequest.postJson(uri("publish", Map.of("channel", channel)), body), log, "publish");
    }

    /**
     * Publishes {@code data} and returns the id the server assigned.
     *
     * @throws IOException when the publish is not answered with 200 and an id
     */
    public String publishData(String channel, String data, WireLog log) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("data", data);
        Response response = publish(channel, fields, log);
        Object id = response.json().map(json -> json.get("id")).orElse(null);
        if (response.status() != 200 || id == null) {
            throw new IOException("publish answered " + response.status() + " " + response.body());
        }
        return id.toString();
    }

    /** {@code POST B/disconnect?channel=C}; returns how many streams the server closed, or -1. */
    public long disconnect(String channel, WireLog log) throws IOException {
        Response response = send(HttpRequest.postJson(uri("disconnect", Map.of("channel", channel)), "{}"),
                log, "fixture");
        return response.json().map(json -> json.get("closed"))
                .filter(BigDecimal.class::isInstance).map(n -> ((BigDecimal) n).longValue()).orElse(-1L);
    }

    /** {@code POST B/terminate?channel=C}; returns the status code. */
    public int terminate(String channel, WireLog log) throws IOException {
        return send(HttpRequest.postJson(uri("terminate", Map.of("channel", channel)), "{}"), log, "fixture")
                .status();
    }

    /** {@code GET B/stats}: the number of open streams, or -1 when unreadable. */
    public long connections(WireLog log) throws IOException {
        Response response = send(HttpRequest.get(uri("stats", Map.of())), log, "stats");
        return response.json().map(json -> json.get("connections"))
                .filter(BigDecimal.class::isInstance).map(n -> ((BigDecimal) n).longValue()).orElse(-1L);
    }

    /**
     * {@code GET B/stats?channel=C}: the open streams of channel {@code C} alone, so a case can
     * count its own streams whatever other cases' streams do. Empty when the fixture does not
     * count per channel: its answer must name the channel ({@code {"channel": "C",
     * "connections": n}}), since a fixture that ignores the parameter answers its global count.
     */
    public OptionalLong channelConnections(String channel, WireLog log) throws IOException {
        Response response = send(HttpRequest.get(uri("stats", Map.of("channel", channel))), log, "stats");
        Optional<Map<String, Object>> json = response.json();
        if (response.status() != 200 || json.isEmpty() || !channel.equals(json.get().get("channel"))
                || !(json.get().get("connections") instanceof BigDecimal n)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(n.longValue());
    }

    /** Sends a request with {@code Connection: close} and reads the complete response. */
    public static Response send(HttpRequest request, WireLog log, String label) throws IOException {
        String what = request.method() + " " + request.uri().getRawPath();
        try (HttpExchange exchange = HttpExchange.open(request.header("Connection", "close"), log, label, TIMEOUT)) {
            if (!exchange.awaitEnd(TIMEOUT)) {
                throw new IOException(what + ": the response body did not end within " + TIMEOUT.toSeconds() + " s");
            }
            return new Response(exchange.head(), exchange.bodyText());
        } catch (SocketTimeoutException e) {
            throw new IOException(what + ": no response within " + TIMEOUT.toSeconds() + " s (is the server blocked?)", e);
        }
    }

    private URI uri(String path, Map<String, String> query) {
        String suffix = query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + "/" + path + (suffix.isEmpty() ? "" : "?" + suffix));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
