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

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.ssekit.Broadcaster;
import org.ssekit.CorsPolicy;
import org.ssekit.EventLog;
import org.ssekit.EventStream;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.servlet.Authorizer;
import org.ssekit.servlet.CorsFilter;
import org.ssekit.servlet.InitParameters;
import org.ssekit.servlet.SseStreams;

/**
 * Everything the demos share, created when the WAR starts and closed when it stops: one
 * {@link SseStreams} for all demo streams, a {@link Broadcaster} for the clock, dashboard,
 * log and notification channels, a second one with a long history for the chat room, and
 * the ticker thread that feeds them.
 *
 * <p>Context-params (web.xml): {@code corsAllowedOrigins} (origins that may use the demos
 * cross-origin, with credentials; the system property {@code ssekit.example.corsAllowedOrigins}
 * wins), {@code crossSiteSessionCookie} ({@code SameSite=None; Secure} session cookie, which
 * browsers accept over plain http on localhost only) and the other {@link SseConfig} names.
 *
 * <p>Thread safety: immutable after {@link #contextInitialized}; the parts are thread-safe.
 */
@WebListener
public final class ExampleApp implements ServletContextListener {
    private static final System.Logger LOG = System.getLogger(ExampleApp.class.getName());
    private static final String ATTRIBUTE = ExampleApp.class.getName();
    static final String CORS_PROPERTY = "ssekit.example.corsAllowedOrigins";

    private SseStreams streams;
    private Broadcaster hub;
    private Broadcaster chat;
    private volatile String chatHistoryFrom;
    private ScheduledExecutorService ticker;
    private Feeds feeds;
    private AutoCloseable meters; // a DashboardMeters, typed so this class links without Micrometer
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    static ExampleApp of(ServletContext context) {
        return (ExampleApp) context.getAttribute(ATTRIBUTE);
    }

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        ServletContext context = sce.getServletContext();
        SseConfig config = SseConfig.builder()
                .heartbeat(Duration.ofSeconds(15))
                .retry(Duration.ofSeconds(1))
                .retryJitter(Duration.ofMillis(500))
                .build();
        config = InitParameters.apply(config.toBuilder(), name -> name.equals(InitParameters.CORS_ALLOWED_ORIGINS)
                ? System.getProperty(CORS_PROPERTY, context.getInitParameter(name))
                : context.getInitParameter(name)).build();
        if (Boolean.parseBoolean(context.getInitParameter("crossSiteSessionCookie"))) {
            SessionCookieConfig cookie = context.getSessionCookieConfig();
            cookie.setHttpOnly(true);
            cookie.setSecure(true);
            cookie.setAttribute("SameSite", "None");
            // CHIPS: a partitioned cookie is kept by browsers that block third-party cookies.
            cookie.setAttribute("Partitioned", "true");
        }
        streams = SseStreams.create(config, ExampleApp::authorize);
        hub = Broadcaster.builder().metrics(streams.metrics())
                .eventLog(Cluster.eventLog("example-hub", EventLog::inMemory)).build();
        chat = Broadcaster.builder().metrics(streams.metrics())
                .eventLog(Cluster.eventLog("example-chat", () -> EventLog.inMemory(5_000, 8L << 20, Duration.ofDays(7))))
                .build();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ssekit-example-ticker");
            t.setDaemon(true);
            return t;
        });
        // The room's first event: a fresh page resumes from it, so it gets the whole history. A
        // shared log may not be connected yet at start (a cluster node): then it is tried again.
        openChatRoom();
        // The demo API beside the streams gets the same CORS rules, plus the Content-Type of its POSTs.
        CorsPolicy api = CorsPolicy.builder().allowOrigins(config.cors().allowedOrigins())
                .allowCredentials(config.cors().allowCredentials()).allowHeader("Content-Type").build();
        FilterRegistration.Dynamic cors = context.addFilter("cors", new CorsFilter(api));
        cors.setAsyncSupported(true);
        cors.addMappingForUrlPatterns(null, false, "/api/*");
        // ssekit's Micrometer meters beside the JVM figures, when Micrometer is in the WAR.
        if (micrometerPresent()) {
            meters = new DashboardMeters(streams.metrics(), hub.eventLog());
            feeds = new Feeds(hub, streams.metrics(), ((DashboardMeters) meters)::figures);
        } else {
            feeds = new Feeds(hub, streams.metrics(), List::of);
        }
        feeds.start(ticker);
        context.setAttribute(ATTRIBUTE, this);
        LOG.log(System.Logger.Level.INFO, "ssekit example started; cross-origin allowed from {0}",
                config.cors().allowedOrigins());
    }

    /** Whether Micrometer is in the WAR; checked without loading any class that names it. */
    static boolean micrometerPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, ExampleApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        // Also after a start that failed half-way (the server then still calls this): null checks.
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (hub != null) {
            hub.close();
        }
        if (chat != null) {
            chat.close();
        }
        if (streams != null) {
            streams.shutdown(Duration.ofSeconds(2));
        }
        if (meters != null) {
            try {
                meters.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the dashboard meters failed", e);
            }
        }
    }

    /** Everybody may watch the public demos; the notification stream is the session user's. */
    private static Authorizer.Access authorize(HttpServletRequest request) {
        if ("/private".equals(request.getPathInfo())) {
            return BearerServlet.authorize(request); // Authorization: Bearer, sent by fetch
        }
        if (!"/notifications".equals(request.getPathInfo())) {
            return Authorizer.Access.allow(null);
        }
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(AuthServlet.USER);
        return user == null ? Authorizer.Access.deny(401, "log in first") : Authorizer.Access.allow(user.toString());
    }

    SseStreams streams() {
        return streams;
    }

    SseConfig config() {
        return streams.config();
    }

    Broadcaster hub() {
        return hub;
    }

    Broadcaster chat() {
        return chat;
    }

    String chatHistoryFrom() {
        return chatHistoryFrom;
    }

    private void openChatRoom() {
        chat.publish(Chat.ROOM, SseEvent.of("opened", Json.object("text", "room opened"))).whenComplete((r, failure) -> {
            if (failure == null) {
                chatHistoryFrom = r.id();
            } else if (!ticker.isShutdown()) {
                ticker.schedule(this::openChatRoom, 1, java.util.concurrent.TimeUnit.SECONDS);
            }
        });
    }

    ScheduledExecutorService ticker() {
        return ticker;
    }

    Feeds feeds() {
        return feeds;
    }

    /** Keeps {@code stream} in the set that {@link #dropAll()} closes, until it ends. */
    EventStream track(EventStream stream) {
        open.add(stream);
        stream.onClose(() -> open.remove(stream));
        return stream;
    }

    /** Closes every open demo stream normally, so the pages reconnect and resume; returns how many. */
    int dropAll() {
        Collection<EventStream> all = List.copyOf(open);
        all.forEach(EventStream::close);
        return all.size();
    }
}
