package org.ssekit.example;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Small JSON answers and request reading shared by the servlets. */
final class Http {
    private static final int MAX_BODY = 1024 * 1024;

    private Http() {
    }

    static void json(HttpServletResponse response, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        json(response, status, Json.object("error", message));
    }

    /** The request body as UTF-8 text, at most 1 MiB. */
    static String body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IllegalArgumentException("request body larger than " + MAX_BODY + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The first value of a query-string parameter, or null. Unlike getParameter, it never
     * reads a form body, so the body stays readable.
     *
     * @throws IllegalArgumentException when the query's percent-encoding is malformed
     */
    static String queryParam(HttpServletRequest request, String name) {
        return queryParam(request.getQueryString(), name);
    }

    /**
     * The first value of {@code name} in a raw query string ({@code a=1&b=%20}), or null.
     *
     * @throws IllegalArgumentException "malformed percent-encoding in the query" for a bad
     *         {@code %} escape; the text of the query is not repeated
     */
    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // The raw text is not echoed: it is whatever the client sent.
            throw new IllegalArgumentException("malformed percent-encoding in the query", e);
        }
    }

    /** A trimmed form parameter, or empty. */
    static String param(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v.strip();
    }
}
