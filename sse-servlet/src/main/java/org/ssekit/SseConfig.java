package org.ssekit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.ssekit.internal.ConfigParameters;

/**
 * How event streams behave: heartbeats, reconnection hints, the per-connection queue bound,
 * resume and admission. One immutable value, checked when built.
 *
 * <pre>
 * SseConfig config = SseConfig.builder()
 *         .heartbeat(Duration.ofSeconds(15))   // ":\n" to a connection idle that long
 *         .retry(Duration.ofSeconds(3))        // "retry: 3000\n\n" first on every stream
 *         .retryJitter(Duration.ofSeconds(2))  // ... plus 0..2000 ms, chosen per connection
 *         .maxQueuedEvents(1000)
 *         .maxQueuedBytes(1 &lt;&lt; 20)
 *         .build();
 * </pre>
 *
 * <p>Memory per connection is bounded by {@link #maxQueuedBytes()} of queued frames (frames are
 * shared between connections, so this is an upper bound) plus a few hundred bytes of state.
 *
 * <p>Servlet and filter init-params map onto it through {@link Builder#parameters(Function)};
 * the names are those of the {@code PARAM_*} constants.
 *
 * <p>Thread safety: instances are immutable and safe to share between threads.
 */
public final class SseConfig {
    public static final String PARAM_HEARTBEAT_MILLIS = "heartbeatMillis";
    public static final String PARAM_RETRY_MILLIS = "retryMillis";
    public static final String PARAM_RETRY_JITTER_MILLIS = "retryJitterMillis";
    public static final String PARAM_MAX_QUEUED_EVENTS = "maxQueuedEvents";
    public static final String PARAM_MAX_QUEUED_BYTES = "maxQueuedBytes";
    public static final String PARAM_OVERFLOW = "overflow";
    public static final String PARAM_MAX_CONNECTIONS = "maxConnections";
    public static final String PARAM_LAST_EVENT_ID_PARAM = "lastEventIdParam";
    public static final String PARAM_RESET_EVENT = "resetEvent";
    /** Comma-separated exact origins allowed cross-origin, with credentials. */
    public static final String PARAM_CORS_ALLOWED_ORIGINS = "corsAllowedOrigins";
    public static final String PARAM_CORS_ALLOW_CREDENTIALS = "corsAllowCredentials";

    /** What a connection does when its queue is full. */
    public enum Overflow {
        /** Close the slow consumer's stream; it reconnects and resumes from its last id. */
        DISCONNECT,
        /** Keep the connection and fail the {@code send} stage of the event that did not fit. */
        FAIL_SEND
    }

    private static final SseConfig DEFAULTS = builder().build();

    private final Duration heartbeat;
    private final Duration retry;
    private final Duration retryJitter;
    private final int maxQueuedEvents;
    private final long maxQueuedBytes;
    private final Overflow overflow;
    private final int maxConnections;
    private final String lastEventIdParam;
    private final String resetEvent;
    private final CorsPolicy cors;

    private SseConfig(Builder b) {
        this.heartbeat = b.heartbeat;
        this.retry = b.retry;
        this.retryJitter = b.retryJitter;
        this.maxQueuedEvents = b.maxQueuedEvents;
        this.maxQueuedBytes = b.maxQueuedBytes;
        this.overflow = b.overflow;
        this.maxConnections = b.maxConnections;
        this.lastEventIdParam = b.lastEventIdParam;
        this.resetEvent = b.resetEvent;
        this.cors = b.cors;
    }

    /** The defaults: heartbeat 15 s, no retry field, 1000 events or 1 MiB queued, disconnect on overflow. */
    public static SseConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .heartbeat(heartbeat)
                .retryOrNone(retry)
                .retryJitter(retryJitter)
                .maxQueuedEvents(maxQueuedEvents)
                .maxQueuedBytes(maxQueuedBytes)
                .overflow(overflow)
                .maxConnections(maxConnections)
                .lastEventIdParam(lastEventIdParam)
                .resetEvent(resetEvent)
                .cors(cors);
    }

    /** Idle time after which a connection gets a {@code :} comment line; zero means never. */
    public Duration heartbeat() {
        return heartbeat;
    }

    /** The reconnection delay sent first on every stream, if any. */
    public Optional<Duration> retry() {
        return Optional.ofNullable(retry);
    }

    /** The upper bound of the random delay added to {@link #retry()} per connection. */
    public Duration retryJitter() {
        return retryJitter;
    }

    public int maxQueuedEvents() {
        return maxQueuedEvents;
    }

    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    public Overflow overflow() {
        return overflow;
    }

    /** The most open streams at once; more are answered 503 with Retry-After. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The query parameter read as Last-Event-ID when the header is absent (polyfills). */
    public String lastEventIdParam() {
        return lastEventIdParam;
    }

    /** The name of the event sent when a client resumes from an unknown or expired id. */
    public String resetEvent() {
        return resetEvent;
    }

    /** Which other origins may connect; by default none ({@link CorsPolicy#sameOrigin()}). */
    public CorsPolicy cors() {
        return cors;
    }

    @Override
    public String toString() {
        return "SseConfig{heartbeat=" + heartbeat + ", retry=" + retry + ", retryJitter=" + retryJitter
                + ", maxQueuedEvents=" + maxQueuedEvents + ", maxQueuedBytes=" + maxQueuedBytes
                + ", overflow=" + overflow + ", maxConnections=" + maxConnections
                + ", lastEventIdParam=" + lastEventIdParam + ", resetEvent=" + resetEvent + ", cors=" + cors + "}";
    }

    /**
     * Builds an {@link SseConfig}; {@link #build()} checks every range and names the bad setting.
     *
     * <p>Thread safety: a builder is not thread-safe; use it from one thread.
     */
    public static final class Builder {
        private Duration heartbeat = Duration.ofSeconds(15);
        private Duration retry;
        private Duration retryJitter = Duration.ZERO;
        private int maxQueuedEvents = 1000;
        private long maxQueuedBytes = 1L << 20;
        private Overflow overflow = Overflow.DISCONNECT;
        private int maxConnections = Integer.MAX_VALUE;
        private String lastEventIdParam = "lastEventId";
        private String resetEvent = "reset";
        private CorsPolicy cors = CorsPolicy.sameOrigin();

        private Builder() {
        }

        public Builder heartbeat(Duration interval) {
            this.heartbeat = Objects.requireNonNull(interval, "heartbeat");
            return this;
        }

        public Builder retry(Duration retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** Sends no retry field. */
        public Builder noRetry() {
            this.retry = null;
            return this;
        }

        private Builder retryOrNone(Duration retry) {
            this.retry = retry;
            return this;
        }

        public Builder retryJitter(Duration jitter) {
            this.retryJitter = Objects.requireNonNull(jitter, "retryJitter");
            return this;
        }

        public Builder maxQueuedEvents(int events) {
            this.maxQueuedEvents = events;
            return this;
        }

        public Builder maxQueuedBytes(long bytes) {
            this.maxQueuedBytes = bytes;
            return this;
        }

        public Builder overflow(Overflow policy) {
            this.overflow = Objects.requireNonNull(policy, "overflow");
            return this;
        }

        public Builder maxConnections(int connections) {
            this.maxConnections = connections;
            return this;
        }

        public Builder lastEventIdParam(String name) {
            this.lastEventIdParam = Objects.requireNonNull(name, "lastEventIdParam");
            return this;
        }

        public Builder resetEvent(String name) {
            this.resetEvent = Objects.requireNonNull(name, "resetEvent");
            return this;
        }

        public Builder cors(CorsPolicy policy) {
            this.cors = Objects.requireNonNull(policy, "cors");
            return this;
        }

        /**
         * Applies named string settings, such as servlet init-params; absent names keep their
         * value. A bad value fails with an IllegalArgumentException naming the parameter.
         */
        public Builder parameters(Function<String, String> lookup) {
            ConfigParameters.apply(this, Objects.requireNonNull(lookup, "lookup"));
            return this;
        }

        public SseConfig build() {
            check(!heartbeat.isNegative(), "heartbeat", "must not be negative", heartbeat);
            check(retry == null || !retry.isNegative(), "retry", "must not be negative", retry);
            check(!retryJitter.isNegative(), "retryJitter", "must not be negative", retryJitter);
            check(maxQueuedEvents >= 1, "maxQueuedEvents", "must be at least 1", maxQueuedEvents);
            check(maxQueuedBytes >= 1, "maxQueuedBytes", "must be at least 1", maxQueuedBytes);
            check(maxConnections >= 1, "maxConnections", "must be at least 1", maxConnections);
            check(!lastEventIdParam.isBlank(), "lastEventIdParam", "must not be blank", lastEventIdParam);
            check(!resetEvent.isBlank() && resetEvent.indexOf('\n') < 0 && resetEvent.indexOf('\r') < 0,
                    "resetEvent", "must be a non-blank name without CR or LF", resetEvent);
            return new SseConfig(this);
        }

        private static void check(boolean ok, String setting, String rule, Object value) {
            if (!ok) {
                throw new IllegalArgumentException(setting + " " + rule + ", got " + value);
            }
        }
    }
}
