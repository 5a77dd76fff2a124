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
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.ssekit.SseEvent;

/** {@code POST /api/notify} with form fields {@code to} and {@code text}: a notification for one user. */
@WebServlet(urlPatterns = "/api/notify", asyncSupported = true)
public final class NotifyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String from = session == null ? null : (String) session.getAttribute(AuthServlet.USER);
        if (from == null) {
            Http.error(response, 401, "log in first");
            return;
        }
        String to = Http.param(request, "to").toLowerCase(java.util.Locale.ROOT);
        String text = Http.param(request, "text");
        if (!AuthServlet.USER_NAME.matcher(to).matches() || text.isEmpty() || text.length() > 300) {
            Http.error(response, 400, "need a user name (a-z, 0-9, _ or -) and 1 to 300 characters of text");
            return;
        }
        var sent = ExampleApp.of(getServletContext()).hub().publishToUser(to, SseEvent.of("notification",
                Json.object("from", from, "text", text,
                        "time", LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString())));
        Http.whenPublished(request, response, sent, r -> Json.object("id", r.id(), "delivered", r.accepted()));
    }
}
