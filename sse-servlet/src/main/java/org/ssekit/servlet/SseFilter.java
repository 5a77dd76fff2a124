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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.Broadcaster;
import org.ssekit.EventLog;
import org.ssekit.EventLogProvider;
import org.ssekit.SseConfig;
import org.ssekit.servlet.internal.MetricsMBean;

/**
 * Serves event streams on the URLs it is mapped to, for applications without JAX-RS and
 * without writing a servlet: one web.xml mapping, one call to publish.
 *
 * <pre>
 * &lt;filter&gt;
 *   &lt;filter-name&gt;sse&lt;/filter-name&gt;
 *   &lt;filter-class&gt;org.ssekit.servlet.SseFilter&lt;/filter-class&gt;
 *   &lt;async-supported&gt;true&lt;/async-supported&gt;
 *   &lt;init-param&gt;&lt;param-name&gt;heartbeatMillis&lt;/param-name&gt;&lt;param-value&gt;15000&lt;/param-value&gt;&lt;/init-param&gt;
 * &lt;/filter&gt;
 * &lt;filter-mapping&gt;
 *   &lt;filter-name&gt;sse&lt;/filter-name&gt;
 *   &lt;url-pattern&gt;/events&lt;/url-pattern&gt;
 * &lt;/filter-mapping&gt;
 *
 * // anywhere in the application:
 * SseFilter.broadcaster(servletContext).publish("orders", SseEvent.of("order-created", json));
 * </pre>
 * A GET subscribes to the channels named by {@code ?channel=} (repeatable; init-param
 * {@code channelParam}), or to init-param {@code defaultChannel}; it is answered like
 * {@link SseStreams#subscribe}, and resumes from Last-Event-ID. OPTIONS preflights are
 * answered per the CORS init-params. Other requests go on down the chain.
 *
 * <p>Init-params: those of {@link InitParameters}, plus {@code channelParam}, {@code defaultChannel},
 * {@code authorizer} (a class implementing {@link Authorizer} with a public no-argument
 * constructor), {@code eventLogMaxEvents}, {@code eventLogMaxBytes}, {@code eventLogMaxAgeMillis}
 * and {@code shutdownGraceMillis}. With sse-redis on the class path, {@code ssekit.redis.uri} (as
 * an init-param, context parameter or system property) gives the filter a shared Redis log instead
 * of the in-memory one. A bad one fails deployment with a message naming it.
 *
 * <p>Thread safety: the container calls it concurrently; the broadcaster is safe for
 * concurrent use.
 */
public class SseFilter implements Filter {
    /** The ServletContext attribute holding the broadcaster of the (first) SseFilter. */
    public static final String BROADCASTER_ATTRIBUTE = Broadcaster.class.getName();

    private SseStreams streams;
    private Broadcaster broadcaster;
    private MetricsMBean mbean;
    private String channelParam;
    private List<String> defaultChannels;
    private Duration shutdownGrace;
    private ServletContext context;
    private String attributeName;

    /** The broadcaster of the SseFilter of this web application. */
    public static Broadcaster broadcaster(ServletContext context) {
        return broadcaster(context, null);
    }

    /** The broadcaster of the SseFilter named {@code filterName} (null: the first one). */
    public static Broadcaster broadcaster(ServletContext context, String filterName) {
        String attribute = filterName == null ? BROADCASTER_ATTRIBUTE : BROADCASTER_ATTRIBUTE + "." + filterName;
        Object b = Objects.requireNonNull(context, "context").getAttribute(attribute);
        if (!(b instanceof Broadcaster broadcaster)) {
            throw new IllegalStateException("no SseFilter" + (filterName == null ? "" : " named " + filterName)
                    + " is running in this web application");
        }
        return broadcaster;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        context = filterConfig.getServletContext();
        String name = filterConfig.getFilterName();
        try {
            InitParameters p = InitParameters.of(filterConfig::getInitParameter);
            SseConfig config = InitParameters.config(filterConfig::getInitParameter);
            streams = SseStreams.create(config, p.authorizer());
            broadcaster = Broadcaster.builder()
                    .eventLog(eventLog(filterConfig, p))
                    .resetEvent(config.resetEvent())
                    .metrics(streams.metrics())
                    .build();
            channelParam = p.channelParam();
            defaultChannels = p.defaultChannel().map(List::of).orElse(List.of());
            shutdownGrace = p.shutdownGrace();
        } catch (IllegalArgumentException e) {
            throw new UnavailableException("filter " + name + ": bad init-param: " + e.getMessage());
        }
        attributeName = BROADCASTER_ATTRIBUTE + "." + name;
        context.setAttribute(attributeName, broadcaster);
        if (context.getAttribute(BROADCASTER_ATTRIBUTE) == null) {
            context.setAttribute(BROADCASTER_ATTRIBUTE, broadcaster);
        }
        mbean = MetricsMBean.register(context.getContextPath(), name, streams.metrics());
    }

    /**
     * The log a provider on the class path makes from the settings ({@code ssekit.redis.uri} as an
     * init-param, a context parameter or a system property, for sse-redis), else the in-memory one.
     */
    private static EventLog eventLog(FilterConfig filterConfig, InitParameters p) {
        ServletContext context = filterConfig.getServletContext();
        Function<String, String> settings = key -> {
            String v = filterConfig.getInitParameter(key);
            v = v != null ? v : context.getInitParameter(key);
            return v != null ? v : System.getProperty(key);
        };
        return EventLogProvider.find(filterConfig.getFilterName(), settings)
                .orElseGet(() -> EventLog.inMemory(p.eventLogMaxEvents(), p.eventLogMaxBytes(), p.eventLogMaxAge()));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        if (streams.preflight(request, response)) {
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        List<String> channels = channelsOf(request);
        if (channels.isEmpty() || channels.stream().anyMatch(c -> c.isEmpty() || c.startsWith("@"))) {
            Responses.reject(response, 400, "name one or more channels with ?" + channelParam
                    + "= (not empty, not starting with @)");
            return;
        }
        streams.subscribe(request, response, broadcaster, channels);
    }

    private List<String> channelsOf(HttpServletRequest request) {
        String[] values = request.getParameterValues(channelParam);
        return values == null ? defaultChannels : Arrays.asList(values);
    }

    /** Finishes the event in flight on every stream and closes them, so clients resume elsewhere. */
    @Override
    public void destroy() {
        if (broadcaster == null) {
            return;
        }
        broadcaster.close();
        streams.shutdown(shutdownGrace);
        mbean.close();
        if (context.getAttribute(BROADCASTER_ATTRIBUTE) == broadcaster) {
            context.removeAttribute(BROADCASTER_ATTRIBUTE);
        }
        context.removeAttribute(attributeName);
    }
}
