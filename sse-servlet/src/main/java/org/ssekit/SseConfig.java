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
package org.ssekit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.ssekit.internal.Resume;

/**
 * How event streams behave: heartbeats, reconnection hints, the per-connection queue bound,
 * resume and admission. One immutable value, checked when built.
 *
 * <pre>
 * SseConfig config = SseConfig.builder()
 *         .heartbeat(Duration.ofSeconds(15))   // ":\n" to a connection idle that long
 *         .retry(Duration.ofSeconds(3))        // "retry: 3000\n\n" first on every stream
 *         .retryJitter(Duration.ofSeconds(2))  // ... plus 0..2000 ms, chosen per connection
 *                                              //     (default: half the retry)
 *         .maxQueuedEvents(1000)
 *         .maxQueuedBytes(1 &lt;&lt; 20)
 *         .build();
 * </pre>
 *
 * <p>Memory per connection is bounded by {@link #maxQueuedBytes()} of queued frames (frames are
 * shared between connections, so this is an upper bound) plus a few hundred bytes of state.
 *
 * <p>Servlet and filter init-params, and the JAX-RS feature's {@code ssekit.*} properties, map
 * onto it through {@code org.ssekit.servlet.InitParameters}.
 *
 * <p>Thread safety: instances are immutable and safe to share between threads.
 */
public final class SseConfig {

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
    private final Duration writeStallTimeout;
    private final Executor writerExecutor;
    private final Boolean blockingWrites;
    private final Boolean doubleFirstFlush;

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
        this.writeStallTimeout = b.writeStallTimeout;
        this.writerExecutor = b.writerExecutor;
        this.blockingWrites = b.blockingWrites;
        this.doubleFirstFlush = b.doubleFirstFlush;
    }

    /**
     * The defaults: heartbeat 15 s, no retry field, 1000 events or 1 MiB queued, disconnect on
     * overflow, streams whose writes stall for 30 s closed, container quirks detected.
     */
    public static SseConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder()
                .heartbeat(heartbeat)
                .retryOrNone(retry);
        b.retryJitter = retryJitter;
        b.writerExecutor = writerExecutor;
        b.blockingWrites = blockingWrites;
        b.doubleFirstFlush = doubleFirstFlush;
        return b
                .maxQueuedEvents(maxQueuedEvents)
                .maxQueuedBytes(maxQueuedBytes)
                .overflow(overflow)
                .maxConnections(maxConnections)
                .lastEventIdParam(lastEventIdParam)
                .resetEvent(resetEvent)
                .cors(cors)
                .writeStallTimeout(writeStallTimeout);
    }

    /** Idle time after which a connection gets a {@code :} comment line; zero means never. */
    public Duration heartbeat() {
        return heartbeat;
    }

    /** The reconnection delay sent first on every stream, if any. */
    public Optional<Duration> retry() {
        return Optional.ofNullable(retry);
    }

    /**
     * The upper bound of the random delay added to {@link #retry()} per connection, so clients
     * cut off together (a restart, a deploy) do not all come back in the same instant. Unless
     * set, half the retry delay.
     */
    public Duration retryJitter() {
        return retryJitter != null ? retryJitter : retry != null ? retry.dividedBy(2) : Duration.ZERO;
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

    /**
     * The name of the event sent when a client resumes from an unknown or expired id; the
     * bindings give it to their broadcaster ({@link Broadcaster.Builder#resetEvent}). Default {@code reset}.
     */
    public String resetEvent() {
        return resetEvent;
    }

    /** Which other origins may connect; by default none ({@link CorsPolicy#sameOrigin()}). */
    public CorsPolicy cors() {
        return cors;
    }

    /**
     * How long a stream may wait for the container to take its last write or flush before it is
     * closed: the client stopped reading, or vanished without FIN or RST. Zero means never.
     */
    public Duration writeStallTimeout() {
        return writeStallTimeout;
    }

    /**
     * The executor writer tasks run on (a container's managed executor, say), if one was given;
     * otherwise ssekit's own {@code ssekit-writer-N} threads, one per core.
     */
    public Optional<Executor> writerExecutor() {
        return Optional.ofNullable(writerExecutor);
    }

    /**
     * Whether the container's non-blocking output may block a writer once a client stops reading
     * (Open Liberty's does); then writers run on a pool for blocking writes. Empty: detected from
     * the container.
     */
    public Optional<Boolean> blockingWrites() {
        return Optional.ofNullable(blockingWrites);
    }

    /**
     * Whether the container ignores a response's first flush (Open Liberty does: it only commits
     * the head), so the first flush is sent twice. Empty: detected from the container.
     */
    public Optional<Boolean> doubleFirstFlush() {
        return Optional.ofNullable(doubleFirstFlush);
    }

    @Override
    public String toString() {
        return "SseConfig{heartbeat=" + heartbeat + ", retry=" + retry + ", retryJitter=" + retryJitter
                + ", maxQueuedEvents=" + maxQueuedEvents + ", maxQueuedBytes=" + maxQueuedBytes
                + ", overflow=" + overflow + ", maxConnections=" + maxConnections
                + ", lastEventIdParam=" + lastEventIdParam + ", resetEvent=" + resetEvent + ", cors=" + cors
                + ", writeStallTimeout=" + writeStallTimeout + ", blockingWrites=" + blockingWrites
                + ", doubleFirstFlush=" + doubleFirstFlush + "}";
    }

    /**
     * Builds an {@link SseConfig}; {@link #build()} checks every range and names the bad setting.
     *
     * <p>Thread safety: a builder is not thread-safe; use it from one thread.
     */
    public static final class Builder {
        private Duration heartbeat = Duration.ofSeconds(15);
        private Duration retry;
        private Duration retryJitter;
        private int maxQueuedEvents = 1000;
        private long maxQueuedBytes = 1L << 20;
        private Overflow overflow = Overflow.DISCONNECT;
        private int maxConnections = Integer.MAX_VALUE;
        private String lastEventIdParam = "lastEventId";
        private String resetEvent = Resume.DEFAULT_RESET_EVENT;
        private CorsPolicy cors = CorsPolicy.sameOrigin();
        private Duration writeStallTimeout = Duration.ofSeconds(30);
        private Executor writerExecutor;
        private Boolean blockingWrites;
        private Boolean doubleFirstFlush;

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

        public Builder writeStallTimeout(Duration timeout) {
            this.writeStallTimeout = Objects.requireNonNull(timeout, "writeStallTimeout");
            return this;
        }

        /** Runs writer tasks on {@code executor}, which the caller owns and shuts down. */
        public Builder writerExecutor(Executor executor) {
            this.writerExecutor = Objects.requireNonNull(executor, "writerExecutor");
            return this;
        }

        /** Overrides the detection of {@link SseConfig#blockingWrites()}. */
        public Builder blockingWrites(boolean mayBlock) {
            this.blockingWrites = mayBlock;
            return this;
        }

        /** Overrides the detection of {@link SseConfig#doubleFirstFlush()}. */
        public Builder doubleFirstFlush(boolean twice) {
            this.doubleFirstFlush = twice;
            return this;
        }

        public SseConfig build() {
            check(!heartbeat.isNegative(), "heartbeat", "must not be negative", heartbeat);
            check(retry == null || !retry.isNegative(), "retry", "must not be negative", retry);
            check(retryJitter == null || !retryJitter.isNegative(), "retryJitter", "must not be negative", retryJitter);
            check(!writeStallTimeout.isNegative(), "writeStallTimeout", "must not be negative", writeStallTimeout);
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
