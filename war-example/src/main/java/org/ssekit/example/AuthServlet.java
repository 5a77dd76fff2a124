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
import java.util.regex.Pattern;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A demo login with a session cookie: {@code POST /api/login} (form fields {@code user} and
 * {@code password}, which is {@code demo} for everybody), {@code POST /api/logout},
 * {@code GET /api/me}.
 */
@WebServlet({"/api/login", "/api/logout", "/api/me"})
public final class AuthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String USER = "ssekit.example.user";
    static final Pattern USER_NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Http.json(response, 200, Json.object("user", session == null ? null : session.getAttribute(USER)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals("/api/logout")) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            Http.json(response, 200, Json.object("user", null));
            return;
        }
        String user = Http.param(request, "user").toLowerCase(java.util.Locale.ROOT);
        if (!USER_NAME.matcher(user).matches() || !"demo".equals(request.getParameter("password"))) {
            Http.error(response, 403, "unknown user or wrong password (the password is demo)");
            return;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(USER, user);
        Http.json(response, 200, Json.object("user", user));
    }
}
