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
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.SseEvent;
import org.ssekit.servlet.Authorizer;

/**
 * The bearer-token demo, for clients that read the stream with {@code fetch} (which can send an
 * {@code Authorization} header; {@code EventSource} cannot): {@code POST /api/bearer/token}
 * (form field {@code user}) issues a token; {@code GET /sse/private} with
 * {@code Authorization: Bearer <token>} is that user's stream (ExampleApp's Authorizer checks
 * the token); {@code POST /api/bearer/ping} with the same header sends the user an event.
 */
@WebServlet(urlPatterns = "/api/bearer/*", asyncSupported = true)
public final class BearerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Issued tokens and their users; a demo keeps them in memory, an application checks its own. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** The Authorizer's check: the user of a valid {@code Authorization: Bearer} header. */
    static Authorizer.Access authorize(HttpServletRequest request) {
        String user = userOf(request);
        if (user != null) {
            return Authorizer.Access.allow(user);
        }
        return request.getHeader("Authorization") == null
                ? Authorizer.Access.deny(401, "send Authorization: Bearer <token>")
                : Authorizer.Access.deny(403, "unknown or revoked token");
    }

    private static String userOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return TOKENS.get(header.substring(7).trim());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (action) {
            case "/token" -> {
                String user = Http.param(request, "user").toLowerCase(Locale.ROOT);
                if (!AuthServlet.USER_NAME.matcher(user).matches()) {
                    Http.error(response, 400, "user must be 1 to 32 of a-z 0-9 _ -");
                    return;
                }
                byte[] random = new byte[24];
                RANDOM.nextBytes(random);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                TOKENS.put(token, user);
                Http.json(response, 200, Json.object("user", user, "token", token));
            }
            case "/ping" -> {
                Authorizer.Access access = authorize(request);
                if (!access.allowed()) {
                    Http.error(response, access.status(), access.reason());
                    return;
                }
                String user = access.user().orElseThrow();
                Http.whenPublished(request, response, ExampleApp.of(getServletContext()).hub()
                        .publishToUser(user, SseEvent.of("ping", Json.object("text", "hello " + user))),
                        r -> Json.object("id", r.id(), "streams", r.accepted()));
            }
            default -> Http.error(response, 404, "no such action: " + action);
        }
    }
}
