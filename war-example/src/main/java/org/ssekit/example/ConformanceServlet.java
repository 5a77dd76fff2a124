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
import java.time.Duration;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.Broadcaster;
import org.ssekit.EventStream;
import org.ssekit.servlet.SseStreams;

/**
 * The conformance fixture on the servlet binding ({@link SseStreams} and a {@link Broadcaster}),
 * at {@code /conformance/servlet}: {@code GET capabilities}, {@code GET events?channel=C},
 * {@code POST publish|disconnect|terminate?channel=C}, {@code GET stats[?channel=C]}.
 */
@WebServlet(urlPatterns = "/conformance/servlet/*", asyncSupported = true)
public final class ConformanceServlet extends HttpServlet {
    private static final String PATH = "conformance/servlet";
    private static final long serialVersionUID = 1L;

    private transient SseStreams streams;
    private transient Broadcaster broadcaster;
    private transient Fixture fixture;

    @Override
    public void init() {
        streams = SseStreams.create(Fixture.CONFIG);
        broadcaster = Broadcaster.builder().metrics(streams.metrics()).eventLog(Fixture.eventLog(PATH))
                .resetEvent(Fixture.CONFIG.resetEvent()).build();
        fixture = new Fixture(List.of("resume", "heartbeat", "cors", "terminate", "channels"), PATH);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (String.valueOf(request.getPathInfo())) {
            case "/capabilities" -> Http.json(response, 200, fixture.capabilities());
            case "/stats" -> Http.json(response, 200,
                    fixture.stats(request.getParameter("channel"), streams.openStreams()));
            case "/events" -> events(request, response);
            default -> Http.error(response, 404, "no such fixture resource");
        }
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!streams.preflight(request, response)) {
            super.doOptions(request, response);
        }
    }

    private void events(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> channels = Fixture.channels(request.getParameterValues("channel"));
        if (!channels.stream().allMatch(Fixture::validChannel)) {
            Http.error(response, 400, "bad channel name");
            return;
        }
        if (fixture.isTerminated(channels)) {
            response.setStatus(204);
            return;
        }
        var opened = streams.subscribe(request, response, broadcaster, channels);
        if (opened.isPresent()) {
            EventStream stream = opened.get();
            fixture.track(channels, new Fixture.Connection() {
                @Override
                public boolean isOpen() {
                    return stream.isOpen();
                }

                @Override
                public void close() {
                    stream.close();
                }
            });
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String channel;
        try {
            channel = Http.queryParam(request, "channel");
        } catch (IllegalArgumentException e) {
            Http.error(response, 400, e.getMessage());
            return;
        }
        if (channel == null) {
            channel = Fixture.DEFAULT_CHANNEL;
        }
        if (!Fixture.validChannel(channel)) {
            Http.error(response, 400, "bad channel name");
            return;
        }
        switch (String.valueOf(request.getPathInfo())) {
            case "/publish" -> {
                Fixture.Publish publish;
                try {
                    publish = Fixture.parsePublish(Http.body(request));
                } catch (IllegalArgumentException e) {
                    Http.error(response, 400, e.getMessage());
                    return;
                }
                Http.whenPublished(request, response, broadcaster.publish(channel, publish.toEvent()),
                        r -> Json.object("id", r.id(), "accepted", r.accepted()));
            }
            case "/disconnect" -> Http.json(response, 200, "{\"closed\":" + fixture.disconnect(channel) + "}");
            case "/terminate" -> Http.json(response, 200, "{\"closed\":" + fixture.terminate(channel) + "}");
            default -> Http.error(response, 404, "no such fixture resource");
        }
    }

    @Override
    public void destroy() {
        broadcaster.close();
        streams.shutdown(Duration.ofSeconds(1));
    }
}
