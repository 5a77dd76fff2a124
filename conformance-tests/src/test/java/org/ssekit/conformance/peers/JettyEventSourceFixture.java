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
package org.ssekit.conformance.peers;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlets.EventSource;
import org.eclipse.jetty.ee10.servlets.EventSourceServlet;
import org.ssekit.conformance.internal.Json;

/**
 * The conformance fixture over Jetty's own {@code EventSourceServlet}: streams, heartbeats
 * and data framing are Jetty's; the fixture only routes. It passes input to the Emitter API
 * as an application would and declares only what Jetty offers: heartbeats and channels (no
 * ids, so no resume; no CORS; no terminate).
 */
public final class JettyEventSourceFixture extends EventSourceServlet {
    private static final long serialVersionUID = 1L;

    /** One open stream and the channels it listens to. */
    private record Subscription(Set<String> channels, EventSource.Emitter emitter) {
    }

    private final transient Set<Subscription> open = new CopyOnWriteArraySet<>();

    /** A holder with a one-second heartbeat, Jetty's {@code heartBeatPeriod} init-param. */
    public static ServletHolder holder() {
        ServletHolder holder = new ServletHolder(new JettyEventSourceFixture());
        holder.setInitParameter("heartBeatPeriod", "1");
        return holder;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException,
            ServletException {
        switch (String.valueOf(request.getPathInfo())) {
            case "/events" -> super.doGet(request, response);
            case "/capabilities" -> json(response, 200, Map.of("profiles", List.of("heartbeat", "channels"),
                    "heartbeatMillis", 1000));
            case "/stats" -> json(response, 200, Map.of("connections", stats(request.getParameter("channel"))));
            default -> response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String channel = request.getParameter("channel");
        switch (String.valueOf(request.getPathInfo())) {
            case "/publish" -> publish(channel, new String(request.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8), response);
            case "/disconnect" -> json(response, 200, Map.of("closed", disconnect(channel)));
            default -> response.sendError(404);
        }
    }

    @Override
    protected EventSource newEventSource(HttpServletRequest request) {
        Set<String> channels = Set.of(request.getParameterValues("channel"));
        return new EventSource() {
            private Subscription subscription;

            @Override
            public void onOpen(Emitter emitter) {
                subscription = new Subscription(channels, emitter);
                open.add(subscription);
            }

            @Override
            public void onClose() {
                open.remove(subscription);
            }
        };
    }

    private void publish(String channel, String body, HttpServletResponse response) throws IOException {
        Map<String, Object> fields;
        try {
            fields = Json.parseObject(body);
        } catch (IllegalArgumentException e) {
            json(response, 400, Map.of("error", "malformed JSON"));
            return;
        }
        if (fields.containsKey("id") || fields.containsKey("retry") || !(fields.get("data") instanceof String)) {
            json(response, 400, Map.of("error", "the Emitter API has no id or retry"));
            return;
        }
        String data = (String) fields.get("data");
        Object event = fields.get("event");
        for (Subscription subscription : open) {
            if (subscription.channels().contains(channel)) {
                send(subscription.emitter(), event, data);
            }
        }
        json(response, 200, Map.of("id", ""));
    }

    private static void send(EventSource.Emitter emitter, Object event, String data) {
        try {
            if (event instanceof String name) {
                emitter.event(name, data);
            } else {
                emitter.data(data);
            }
        } catch (IOException e) {
            emitter.close();
        }
    }

    private long stats(String channel) {
        return open.stream().filter(s -> channel == null || s.channels().contains(channel)).count();
    }

    private int disconnect(String channel) {
        int closed = 0;
        for (Subscription subscription : open) {
            if (subscription.channels().contains(channel)) {
                subscription.emitter().close();
                closed++;
            }
        }
        return closed;
    }

    static void json(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }
}
