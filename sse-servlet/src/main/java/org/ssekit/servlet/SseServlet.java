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
package org.ssekit.servlet;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.EventStream;
import org.ssekit.SseConfig;
import org.ssekit.servlet.internal.MetricsMBean;

/**
 * A servlet that opens an event stream on every GET and hands it to {@link #onOpen}.
 *
 * <pre>
 * &#64;WebServlet(urlPatterns = "/clock", asyncSupported = true,
 *         initParams = &#64;WebInitParam(name = "heartbeatMillis", value = "15000"))
 * public class ClockServlet extends SseServlet {
 *     &#64;Override
 *     protected void onOpen(HttpServletRequest request, EventStream stream) {
 *         stream.send(SseEvent.of("time", Instant.now().toString()));
 *     }
 * }
 * </pre>
 * Init-params are those of {@link InitParameters} ({@code heartbeatMillis}, {@code retryMillis},
 * {@code maxQueuedEvents}, {@code corsAllowedOrigins}, ...); a bad one fails deployment with
 * a message naming it. The servlet must be mapped with {@code asyncSupported=true}. Its
 * figures are a JMX MBean {@code org.ssekit:type=SseMetrics,context=...,name=<servlet name>}.
 *
 * <p>Thread safety: {@link #onOpen} is called on container threads, concurrently for
 * concurrent clients.
 */
public abstract class SseServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient SseStreams streams;
    private transient MetricsMBean mbean;

    @Override
    public void init() throws ServletException {
        try {
            streams = SseStreams.create(config(), authorizer());
        } catch (IllegalArgumentException e) {
            throw new UnavailableException("servlet " + getServletName() + ": bad init-param: " + e.getMessage());
        }
        mbean = MetricsMBean.register(getServletContext().getContextPath(), getServletName(), streams.metrics());
    }

    /** The configuration: by default the defaults with this servlet's init-params applied. */
    protected SseConfig config() {
        return InitParameters.config(this::getInitParameter);
    }

    /** Who may subscribe: by default everyone, as the request's principal. */
    protected Authorizer authorizer() {
        return Authorizer.PRINCIPAL;
    }

    /** Answers CORS preflights for the configured {@link org.ssekit.CorsPolicy}. */
    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!streams.preflight(request, response)) {
            super.doOptions(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var stream = streams.open(request, response);
        if (stream.isPresent()) {
            onOpen(request, stream.get());
        }
    }

    /** A client connected; send to {@code stream} now or keep it to send later. */
    protected abstract void onOpen(HttpServletRequest request, EventStream stream);

    /** The streams of this servlet. */
    protected final SseStreams streams() {
        return streams;
    }

    /** Closes every stream, so clients reconnect (to another node or after restart) and resume. */
    @Override
    public void destroy() {
        if (streams != null) {
            streams.close();
        }
        if (mbean != null) {
            mbean.close();
        }
    }
}
