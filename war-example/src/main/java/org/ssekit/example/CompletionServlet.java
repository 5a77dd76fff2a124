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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.EventStream;
import org.ssekit.SseEvent;

/**
 * An AI-style answer streamed token by token: {@code POST /api/complete} with
 * {@code {"prompt": "..."}} and {@code Accept: text/event-stream} answers
 * <pre>
 * id: 1
 * event: token
 * data: Server-Sent
 *
 * ...
 * data: [DONE]
 * </pre>
 * The answer depends only on the prompt, so a client that lost the connection posts again
 * with {@code Last-Event-ID: n} and gets the tokens after the n-th, none twice.
 */
@WebServlet(urlPatterns = "/api/complete", asyncSupported = true)
public final class CompletionServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final long TOKEN_MILLIS = 40;
    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String prompt;
        try {
            Object p = Json.parseObject(Http.body(request)).get("prompt");
            if (!(p instanceof String s) || s.isBlank() || s.length() > 2000) {
                throw new IllegalArgumentException("\"prompt\" must be a string of 1 to 2000 characters");
            }
            prompt = s.strip();
        } catch (IllegalArgumentException e) {
            Http.error(response, 400, e.getMessage());
            return;
        }
        int from = resumeAfter(request.getHeader("Last-Event-ID"));
        if (from < 0) {
            Http.error(response, 400, "Last-Event-ID must be a token number");
            return;
        }
        ExampleApp app = ExampleApp.of(getServletContext());
        var opened = app.streams().open(request, response);
        if (opened.isPresent()) {
            EventStream stream = app.track(opened.get());
            app.feeds().log("INFO", "completion", "answering a prompt of " + prompt.length()
                    + " characters" + (from > 0 ? ", resuming after token " + from : ""));
            next(app.ticker(), stream, tokens(prompt), from);
        }
    }

    private static int resumeAfter(String lastEventId) {
        if (lastEventId == null || lastEventId.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(-1, Integer.parseInt(lastEventId));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Sends token {@code sent + 1}, then schedules the next; ends with {@code [DONE]}. */
    private static void next(ScheduledExecutorService ticker, EventStream stream, List<String> tokens, int sent) {
        if (!stream.isOpen()) {
            return;
        }
        if (sent >= tokens.size()) {
            stream.send(SseEvent.of("[DONE]"));
            stream.close();
            return;
        }
        int n = sent + 1;
        stream.send(SseEvent.builder().id(Integer.toString(n)).event("token").data(tokens.get(sent)).build());
        ticker.schedule(() -> next(ticker, stream, tokens, n), TOKEN_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A canned but prompt-dependent answer, split into word tokens that keep their leading space. */
    static List<String> tokens(String prompt) {
        String topic = prompt.length() > 60 ? prompt.substring(0, 60) + "..." : prompt;
        String answer = "You asked: \"" + topic + "\". Here is what Server-Sent Events give you for that. "
                + "The server keeps one HTTP response open and writes each event as a few lines of text, "
                + "so tokens reach you the moment they exist, through proxies that understand "
                + "X-Accel-Buffering: no. Every token carries an id; if the connection drops, the client "
                + "posts again with Last-Event-ID and the answer continues where it stopped, with no token "
                + "lost or repeated. When the answer is complete the server sends [DONE] and closes.";
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(answer);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
