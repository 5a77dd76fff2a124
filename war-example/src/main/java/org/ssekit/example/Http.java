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
package org.ssekit.example;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.PublishResult;

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

    /**
     * Answers a publish once its stage completes: 200 with {@code body} of the result, or 503
     * with a JSON reason when the event log could not record the event. An in-memory log has
     * completed it already; a remote one (Redis) completes it later, so the answer goes out
     * asynchronously and no container thread waits for the store.
     */
    static void whenPublished(HttpServletRequest request, HttpServletResponse response,
            CompletionStage<PublishResult> stage, Function<PublishResult, String> body) throws IOException {
        CompletableFuture<PublishResult> sent = stage.toCompletableFuture();
        if (sent.isDone()) {
            answerPublish(response, sent, body);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(30_000);
        sent.whenComplete((r, failure) -> {
            try {
                answerPublish((HttpServletResponse) async.getResponse(), sent, body);
            } catch (IOException | RuntimeException e) {
                // The client went away meanwhile; nothing to answer.
            } finally {
                async.complete();
            }
        });
    }

    private static void answerPublish(HttpServletResponse response, CompletableFuture<PublishResult> sent,
            Function<PublishResult, String> body) throws IOException {
        try {
            json(response, 200, body.apply(sent.join()));
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            error(response, 503, "event not published: " + cause.getMessage());
        }
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
