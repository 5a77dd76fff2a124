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
import java.util.List;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.Broadcaster;

/**
 * The event streams of the demo pages: {@code /sse/clock}, {@code /sse/dashboard},
 * {@code /sse/logs}, {@code /sse/chat} and {@code /sse/notifications} (the logged-in user's).
 * Each one resumes from the browser's Last-Event-ID. Cross-origin requests are checked
 * by the streams' CORS policy; the notification stream needs a logged-in session.
 */
@WebServlet(urlPatterns = "/sse/*", asyncSupported = true)
public final class DemoStreamServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExampleApp app = ExampleApp.of(getServletContext());
        String demo = request.getPathInfo() == null ? "" : request.getPathInfo();
        Broadcaster broadcaster = app.hub();
        List<String> channels;
        switch (demo) {
            case "/clock" -> channels = List.of(Feeds.CLOCK);
            case "/dashboard" -> channels = List.of(Feeds.JVM);
            case "/logs" -> channels = List.of(Feeds.LOGS);
            case "/chat" -> {
                broadcaster = app.chat();
                channels = List.of(Chat.ROOM);
            }
            // The user comes from the session, through ExampleApp's Authorizer.
            case "/notifications" -> channels = List.of();
            // The user comes from the bearer token, through ExampleApp's Authorizer.
            case "/private" -> channels = List.of();
            default -> {
                Http.error(response, 404, "no such stream: " + demo);
                return;
            }
        }
        app.streams().subscribe(request, response, broadcaster, channels).ifPresent(app::track);
    }
}
