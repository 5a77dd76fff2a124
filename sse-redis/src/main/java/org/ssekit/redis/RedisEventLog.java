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
package org.ssekit.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import io.lettuce.core.RedisURI;

import org.ssekit.EventLog;
import org.ssekit.PublishResult;
import org.ssekit.SseEvent;
import org.ssekit.redis.internal.RedisStreamLog;
import org.ssekit.redis.internal.Settings;

/**
 * An {@link EventLog} on a Redis stream, shared by every node of a cluster: a publish on any
 * node reaches the subscribers of every node, in one order, and a client resumes from its
 * Last-Event-ID on any node, with no gap and no duplicate.
 *
 * <pre>
 * EventLog log = RedisEventLog.builder()
 *         .uri("redis://:secret@redis.internal:6379")   // rediss:// for TLS, redis-sentinel:// for Sentinel
 *         .stream("news")
 *         .build();
 * Broadcaster news = Broadcaster.builder().eventLog(log).build();
 * news.publish("sports", SseEvent.of("goal", "2:1"));
 * // every node's clients get:  id: 1x8k2m9q0d3f.1764620000000-0\nevent: goal\ndata: 2:1\n\n
 * </pre>
 *
 * <p>Ids are {@code <epoch>.<stream entry id>}: the epoch is a random word kept in Redis (key
 * {@code {prefix:stream}:epoch}, created with the first connection); when Redis loses its data
 * (a restart without persistence, FLUSHALL) the next node to reach it creates a new one, so
 * every older id gets the reset event. An id whose entry is gone (trimmed, or an un-replicated
 * tail lost in a failover) gets the reset event too: a replay never starts from a wrong place.
 *
 * <p>Keys, all with the hash tag {@code {prefix:stream}} so Redis Cluster keeps one
 * broadcaster on one shard: {@code :log} (the stream; fields {@code e} epoch, {@code c}
 * channel, {@code n} publisher token, {@code t} event name, {@code d} data, {@code m} comment,
 * {@code r} retry), {@code :epoch}, and with durable publish {@code :commits}.
 *
 * <p>Each node runs one reader thread with a blocking XREAD on its own connection; it feeds the
 * node's fan-out and reconnects with backoff (resuming after the last entry it delivered). While
 * Redis is unreachable {@link #isConnected()} is false and publishes fail at once with
 * {@link EventLogUnavailableException}; open streams stay open.
 *
 * <p>Thread safety: safe for use from any thread.
 */
public final class RedisEventLog implements EventLog {
    private final RedisStreamLog log;
    private final Settings settings;

    private RedisEventLog(Settings settings) {
        this.settings = settings;
        this.log = new RedisStreamLog(settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletionStage<PublishResult> append(String channel, SseEvent event) {
        return log.append(channel, event);
    }

    @Override
    public void open(Feed feed) {
        log.open(feed);
    }

    @Override
    public CompletionStage<Replay> replay(Set<String> channels, String after, String upTo, int maxScan) {
        return log.replay(channels, after, upTo, maxScan);
    }

    @Override
    public int compare(String a, String b) {
        return log.compare(a, b);
    }

    /** False while the reader or the writer has no connection to Redis (publishes then fail). */
    @Override
    public boolean isConnected() {
        return log.isConnected();
    }

    /** Stops the reader, fails the publishes still waiting, closes the connections. */
    @Override
    public void close() {
        log.close();
    }

    /** The epoch every id issued now starts with; empty before the first connection to Redis. */
    public java.util.Optional<String> epoch() {
        return java.util.Optional.ofNullable(log.epoch());
    }

    /** The Redis key of the stream, such as {@code {ssekit:news}:log}. */
    public String streamKey() {
        return "{" + settings.keyPrefix() + ":" + settings.stream() + "}:log";
    }

    @Override
    public String toString() {
        return "RedisEventLog{" + streamKey() + " at " + settings.uri() + "}";
    }

    /**
     * Builds a {@link RedisEventLog}; each setter validates at once and names the setting.
     *
     * <p>Thread safety: a builder is not thread-safe; use it from one thread.
     */
    public static final class Builder {
        private RedisURI uri;
        private String keyPrefix = "ssekit";
        private String stream = "events";
        private long maxLength = 100_000;
        private Duration maxAge = Duration.ofHours(1);
        private int durableReplicas;
        private Duration durableTimeout = Duration.ofSeconds(1);
        private int maxScan = 10_000;
        private Duration publishTimeout = Duration.ofSeconds(5);
        private Duration blockTime = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private boolean cluster;

        private Builder() {
        }

        /**
         * Where Redis is, in Lettuce's URI syntax: {@code redis://[:password@]host[:port][/db]},
         * {@code rediss://} for TLS, {@code redis-sentinel://[:password@]host[:port][,host2]/[db]#masterName}
         * for Sentinel. Required.
         *
         * @throws IllegalArgumentException naming {@code uri} when it does not parse
         */
        public Builder uri(String uri) {
            Objects.requireNonNull(uri, "uri");
            try {
                this.uri = RedisURI.create(uri);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("uri: not a Redis URI (redis://, rediss://, redis-sentinel://): "
                        + e.getMessage(), e);
            }
            return this;
        }

        /** Where Redis is, as a Lettuce {@link RedisURI} (credentials, TLS, Sentinel, timeouts). */
        public Builder uri(RedisURI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** The first part of every key's hash tag; default {@code ssekit}. */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = checkName("keyPrefix", prefix);
            return this;
        }

        /**
         * The stream's name, one per broadcaster (every node of one broadcaster names the same);
         * default {@code events}. Key {@code {keyPrefix:stream}:log}.
         */
        public Builder stream(String name) {
            this.stream = checkName("stream", name);
            return this;
        }

        /** Trims the stream to about this many entries ({@code MAXLEN ~}); 0: no count bound. Default 100,000. */
        public Builder maxLength(long entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("maxLength must be 0 (none) or more, got " + entries);
            }
            this.maxLength = entries;
            return this;
        }

        /**
         * Trims entries older than this ({@code MINID ~}, by Redis's clock, on each publish);
         * zero: no age bound. Default one hour.
         */
        public Builder maxAge(Duration age) {
            Objects.requireNonNull(age, "maxAge");
            if (age.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative, got " + age);
            }
            this.maxAge = age;
            return this;
        }

        /**
         * Durable publish: after each append, {@code WAIT replicas timeout}; the event is fanned
         * out (on any node) and its stage completes only once that many replicas have it, so a
         * failover cannot take back an event a client saw. 0 (default): off. Every node of a
         * stream must use the same setting.
         */
        public Builder durableReplicas(int replicas) {
            if (replicas < 0) {
                throw new IllegalArgumentException("durableReplicas must be 0 (off) or more, got " + replicas);
            }
            this.durableReplicas = replicas;
            return this;
        }

        /** How long WAIT waits for the replicas; default one second. */
        public Builder durableTimeout(Duration timeout) {
            this.durableTimeout = positive("durableTimeout", timeout);
            return this;
        }

        /**
         * The most entries one replay reads ({@code XRANGE ... COUNT}); a client that missed more
         * gets the reset event. Caps the broadcaster's own bound. Default 10,000.
         */
        public Builder maxScan(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("maxScan must be at least 1, got " + entries);
            }
            this.maxScan = entries;
            return this;
        }

        /** How long a publish may take before its stage fails (and a command times out); default 5 s. */
        public Builder publishTimeout(Duration timeout) {
            this.publishTimeout = positive("publishTimeout", timeout);
            return this;
        }

        /** How long the reader's XREAD blocks before it checks the epoch again; default one second. */
        public Builder blockTime(Duration time) {
            this.blockTime = positive("blockTime", time);
            return this;
        }

        /** The longest pause between reconnection attempts (they start at 50 ms and double); default 2 s. */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = positive("maxBackoff", backoff);
            return this;
        }

        /**
         * True when {@link #uri} names a node of a Redis Cluster: the log finds the primary that
         * holds its keys (they share the hash tag {@code {keyPrefix:stream}}, so one broadcaster
         * lives on one shard; broadcasters with other stream names spread over the shards) and
         * follows it when the slot moves. Default false (a standalone server, or Sentinel).
         */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * Builds the log; it connects when a broadcaster opens it, and keeps trying while Redis
         * is unreachable.
         *
         * @throws IllegalArgumentException naming the setting that is missing or out of range
         */
        public RedisEventLog build() {
            if (uri == null) {
                throw new IllegalArgumentException("uri is required (such as redis://localhost:6379)");
            }
            if (durableReplicas > 0 && durableTimeout.compareTo(publishTimeout) >= 0) {
                throw new IllegalArgumentException("durableTimeout (" + durableTimeout.toMillis()
                        + " ms) must be shorter than publishTimeout (" + publishTimeout.toMillis() + " ms)");
            }
            return new RedisEventLog(new Settings(uri, keyPrefix, stream, maxLength, maxAge, durableReplicas,
                    durableTimeout, maxScan, publishTimeout, blockTime, maxBackoff, cluster));
        }

        private static String checkName(String field, String value) {
            Objects.requireNonNull(value, field);
            if (value.isEmpty() || value.length() > 100) {
                throw new IllegalArgumentException(field + " must be 1 to 100 characters, got " + value.length());
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '{' || c == '}' || c <= ' ' || c == 0x7f) {
                    throw new IllegalArgumentException(field + " must not hold braces, spaces or control"
                            + " characters, got '" + value + "'");
                }
            }
            return value;
        }

        private static Duration positive(String field, Duration d) {
            Objects.requireNonNull(d, field);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, got " + d);
            }
            return d;
        }
    }
}
