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
package org.ssekit.jaxrs;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import org.ssekit.Broadcaster;
import org.ssekit.EventLog;
import org.ssekit.EventLogProvider;
import org.ssekit.EventStream;
import org.ssekit.PublishResult;
import org.ssekit.SseConfig;
import org.ssekit.SseMetrics;
import org.ssekit.internal.StreamHub;
import org.ssekit.jaxrs.internal.EventConversion;
import org.ssekit.jaxrs.internal.EventStreamFilter;
import org.ssekit.jaxrs.internal.PreflightFilter;
import org.ssekit.jaxrs.internal.RuntimeIntegration;
import org.ssekit.jaxrs.internal.SinkOpener;
import org.ssekit.jaxrs.internal.StreamSink;
import org.ssekit.servlet.Authorizer;

/**
 * Puts the standard {@code jakarta.ws.rs.sse} API on the ssekit core: register one instance
 * in the {@code Application}, and every {@code @Context SseEventSink} a resource method gets
 * is an ssekit stream with heartbeats, a bounded queue, honest completion and CORS.
 *
 * <pre>
 * public class NewsApp extends Application {
 *     private final SseKitFeature sse = SseKitFeature.create(SseConfig.builder()
 *             .heartbeat(Duration.ofSeconds(15))
 *             .cors(CorsPolicy.builder().allowOrigin("https://app.example.com").build())
 *             .build());
 *
 *     public Set&lt;Object&gt; getSingletons() {
 *         return Set.of(sse, new NewsResource(sse.newBroadcaster("news")));
 *     }
 * }
 * </pre>
 * A client of a resource method that takes the sink receives at once:
 * <pre>
 * HTTP/1.1 200 OK
 * Content-Type: text/event-stream
 * Cache-Control: no-cache, no-transform
 * X-Accel-Buffering: no
 *
 * :\n                       (or "retry: N\n\n" when a retry delay is configured)
 * </pre>
 * then the events sent to the sink, and {@code :\n} whenever it was idle for the heartbeat
 * interval. A request from another origin not on the {@link org.ssekit.CorsPolicy} is answered
 * 403 before the resource method runs; an allowed one gets {@code Access-Control-Allow-Origin}
 * with its exact origin, {@code Access-Control-Allow-Credentials: true} and {@code Vary: Origin}.
 * Preflights are answered 204 before matching. At the connection cap a client gets 503 with
 * {@code Retry-After}.
 *
 * <p>Runs on Jersey (3.1, 4.0) and on RESTEasy (6.2, as in WildFly 39 and Open Liberty's
 * restfulWS-3.1), in a servlet container with the JAX-RS servlet mapped with async support.
 * On Jersey, an application that registers none gets one from auto-discovery, configured from
 * {@code ssekit.*} application properties (see {@link #from(Configuration)}); on RESTEasy the
 * application registers it. On another runtime, or where the server hides RESTEasy's classes
 * from applications, the feature logs one warning, keeps its CORS filters, and resources get
 * the runtime's own sink, which {@link #subscribe} and {@link ChannelBroadcaster} refuse.
 *
 * <p>Use {@link #newBroadcaster} rather than {@code Sse.newBroadcaster()}: the runtime's
 * broadcaster has no event log, so it cannot resume clients. The runtime's {@code Sse} is still
 * the way to build events.
 *
 * <p>Thread safety: safe for concurrent use; register one instance in one application.
 */
public final class SseKitFeature implements Feature, AutoCloseable {
    private final SseConfig config;
    private final StreamHub hub;
    private final Broadcaster broadcaster;
    private final PreflightFilter preflight;
    private final EventConversion conversion;
    private final SinkOpener opener;
    private volatile boolean active;

    private SseKitFeature(SseConfig config, EventLog log, Authorizer authorizer) {
        this.config = config;
        this.hub = new StreamHub(config);
        this.broadcaster = Broadcaster.builder()
                .eventLog(log)
                .resetEvent(config.resetEvent())
                .metrics(hub.counters())
                .build();
        this.preflight = new PreflightFilter(config.cors());
        this.conversion = new EventConversion(preflight::providers);
        this.opener = new SinkOpener(hub, conversion, authorizer);
    }

    /** A feature with {@code config} and an in-memory event log ({@link EventLog#inMemory()}). */
    public static SseKitFeature create(SseConfig config) {
        return create(config, EventLog.inMemory());
    }

    /**
     * A feature with {@code config} and the event log that {@code properties} name: with sse-redis
     * on the class path, {@code ssekit.redis.uri} (here, or as a system property) gives a shared
     * Redis log; otherwise the in-memory one.
     *
     * @throws IllegalArgumentException naming a property whose value is invalid
     */
    public static SseKitFeature create(SseConfig config, Map<String, ?> properties) {
        Objects.requireNonNull(properties, "properties");
        EventLog log = EventLogProvider.find("jaxrs", name -> {
            Object v = properties.get(name);
            return v != null ? v.toString() : System.getProperty(name);
        }).orElseGet(EventLog::inMemory);
        return create(config, log);
    }

    /** A feature with {@code config} whose events get their ids from, and resume through, {@code log}. */
    public static SseKitFeature create(SseConfig config, EventLog log) {
        return create(config, log, Authorizer.PRINCIPAL);
    }

    /**
     * A feature whose event streams are admitted by {@code authorizer}, the same hook as the
     * servlet binding's {@code SseStreams.create(config, authorizer)} (the JAX-RS binding runs on
     * the servlet exchange, so the authorizer sees the {@code HttpServletRequest}: headers such as
     * {@code Authorization: Bearer ...}, cookies, session, query). It runs when a resource method
     * that takes an {@code SseEventSink} is about to be called, after the application's own
     * filters; a denial answers the request with its status (401 or 403) and text reason, and
     * the resource method is not called:
     * <pre>
     * HTTP/1.1 401 Unauthorized
     * Content-Type: text/plain;charset=UTF-8
     *
     * a valid bearer token is required
     * </pre>
     * The user it allows as (or, when it names none, the principal of the JAX-RS
     * {@code SecurityContext}) is the sink's user: {@link #subscribe} subscribes the sink for it,
     * so {@link #publishToUser} reaches it.
     */
    public static SseKitFeature create(SseConfig config, EventLog log, Authorizer authorizer) {
        return new SseKitFeature(Objects.requireNonNull(config, "config"), Objects.requireNonNull(log, "log"),
                Objects.requireNonNull(authorizer, "authorizer"));
    }

    /**
     * The feature registered in an application, for resources that did not get it handed in,
     * such as those of an application where Jersey discovered it:
     * <pre>
     * public NewsResource(&#64;Context Configuration configuration) {
     *     this.news = SseKitFeature.from(configuration).newBroadcaster("news");
     * }
     * </pre>
     *
     * @throws IllegalStateException when no SseKitFeature is registered in {@code configuration}
     */
    public static SseKitFeature from(Configuration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        for (Object instance : configuration.getInstances()) {
            if (instance instanceof SseKitFeature feature) {
                return feature;
            }
        }
        throw new IllegalStateException("no SseKitFeature is registered in this application: register one, "
                + "or let Jersey discover it (it does unless ssekit.autoDiscovery=false)");
    }

    @Override
    public boolean configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() != RuntimeType.SERVER) {
            return false;
        }
        context.register(preflight);
        context.register(new EventStreamFilter(config.cors()));
        active = RuntimeIntegration.register(context, opener, preflight);
        return true;
    }

    /**
     * Whether resource methods get ssekit sinks: true once Jersey or RESTEasy configured this
     * feature; false before, and on a runtime where resources keep the runtime's own sink (the
     * feature logged why), so an application can say so instead of failing at each request.
     */
    public boolean isActive() {
        return active;
    }

    /**
     * A JAX-RS broadcaster for one channel of this feature's event log: sinks registered on it
     * are resumed from their Last-Event-ID, and every broadcast event gets an id from the log.
     */
    public ChannelBroadcaster newBroadcaster(String channel) {
        return new ChannelBroadcaster(broadcaster, channel, conversion);
    }

    /**
     * Subscribes {@code sink} to several channels at once. If the client sent a Last-Event-ID
     * (header, or the {@link SseConfig#lastEventIdParam()} query parameter), it first gets
     * exactly the events it missed on those channels, oldest first, or the reset event when
     * the id is unknown or expired; then live events. The sink leaves when it closes.
     *
     * @throws IllegalArgumentException when {@code sink} is not one this feature opened
     */
    public void subscribe(SseEventSink sink, Collection<String> channels) {
        StreamSink ours = StreamSink.of(sink);
        broadcaster.subscribe(ours.stream(), channels, ours.user());
    }

    /**
     * The user of {@code sink}: named by this feature's authorizer, else the principal of the
     * request's {@code SecurityContext}; empty for an anonymous client.
     *
     * @throws IllegalArgumentException when {@code sink} is not one this feature opened
     */
    public Optional<String> userOf(SseEventSink sink) {
        return Optional.ofNullable(StreamSink.of(sink).user());
    }

    /**
     * Publishes {@code event} to the sinks subscribed (with {@link #subscribe}) for {@code user},
     * on every node that shares the log, like {@link #publish}.
     *
     * @throws IllegalArgumentException when the event cannot be framed (see {@link #publish})
     */
    public CompletionStage<PublishResult> publishToUser(String user, OutboundSseEvent event) {
        return broadcaster.publishToUser(user, conversion.toSseEvent(event));
    }

    /**
     * The streams subscribed to {@code channel} now (see {@link Broadcaster#connections}): an
     * immutable snapshot to count, send to one ({@code EventStream.send(SseEvent)}), or close one.
     */
    public List<EventStream> connections(String channel) {
        return broadcaster.connections(channel);
    }

    /** The streams subscribed for {@code user} now (see {@link Broadcaster#connectionsOf}). */
    public List<EventStream> connectionsOf(String user) {
        return broadcaster.connectionsOf(user);
    }

    /**
     * Publishes {@code event} to every sink subscribed to {@code channel}, under a new id from
     * the log (an id set on the event is replaced). Returns at once; the stage completes once the
     * event is logged and queued on this node's sinks, or fails when the log could not record it.
     *
     * @throws IllegalArgumentException when the event cannot be framed: CR or LF in its name or
     *         id, NUL in its id, or data without a writer for its media type; nothing is published
     */
    public CompletionStage<PublishResult> publish(String channel, OutboundSseEvent event) {
        return broadcaster.publish(channel, conversion.toSseEvent(event));
    }

    /** The core broadcaster behind this feature, to publish {@link org.ssekit.SseEvent}s directly. */
    public Broadcaster broadcaster() {
        return broadcaster;
    }

    public SseConfig config() {
        return config;
    }

    /** Event streams open now. */
    public int openStreams() {
        return hub.openCount();
    }

    /** The running figures of this feature's streams and broadcaster. */
    public SseMetrics metrics() {
        return hub.counters();
    }

    /**
     * Closes every stream after the event in flight, so clients reconnect and resume, waiting
     * up to {@code grace}; later streams are refused with 503 and later publishes fail.
     */
    public void shutdown(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        broadcaster.close();
        hub.shutdown(grace);
    }

    /** {@link #shutdown(Duration)} with a grace of two seconds. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(2));
    }
}
