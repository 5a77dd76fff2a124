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

import org.ssekit.SseEvent;

/**
 * The chat room. {@code GET /api/chat} tells a fresh page where history starts (it connects
 * with {@code ?lastEventId=} that id and gets every message since, then live ones);
 * {@code POST /api/chat} with form fields {@code name} and {@code text} says something.
 */
@WebServlet(urlPatterns = "/api/chat", asyncSupported = true)
public final class Chat extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ROOM = "room";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Http.json(response, 200, Json.object("historyFrom", ExampleApp.of(getServletContext()).chatHistoryFrom()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = Http.param(request, "name");
        String text = Http.param(request, "text");
        if (name.isEmpty() || name.length() > 24) {
            Http.error(response, 400, "name must have 1 to 24 characters");
            return;
        }
        if (text.isEmpty() || text.length() > 500) {
            Http.error(response, 400, "text must have 1 to 500 characters");
            return;
        }
        var sent = ExampleApp.of(getServletContext()).chat().publish(ROOM, SseEvent.of("message",
                Json.object("name", name, "text", text,
                        "time", LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString())));
        Http.whenPublished(request, response, sent, r -> Json.object("id", r.id(), "delivered", r.accepted()));
    }
}
