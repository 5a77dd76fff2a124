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
package org.ssekit.redis.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.ssekit.EventLog;
import org.ssekit.EventLogProvider;
import org.ssekit.redis.RedisEventLog;

/**
 * The Redis log by configuration: active when {@code ssekit.redis.uri} is set. The properties
 * mirror {@link RedisEventLog.Builder}; the stream defaults to the broadcaster's name.
 */
public final class RedisEventLogProvider implements EventLogProvider {
    public static final String URI = "ssekit.redis.uri";
    public static final String KEY_PREFIX = "ssekit.redis.keyPrefix";
    public static final String STREAM = "ssekit.redis.stream";
    public static final String MAX_LENGTH = "ssekit.redis.maxLength";
    public static final String MAX_AGE_MILLIS = "ssekit.redis.maxAgeMillis";
    public static final String DURABLE_REPLICAS = "ssekit.redis.durableReplicas";
    public static final String DURABLE_TIMEOUT_MILLIS = "ssekit.redis.durableTimeoutMillis";
    public static final String MAX_SCAN = "ssekit.redis.maxScan";
    public static final String PUBLISH_TIMEOUT_MILLIS = "ssekit.redis.publishTimeoutMillis";
    public static final String CLUSTER = "ssekit.redis.cluster";

    @Override
    public Optional<EventLog> create(String name, Function<String, String> settings) {
        String uri = value(settings, URI);
        if (uri == null) {
            return Optional.empty();
        }
        RedisEventLog.Builder b = RedisEventLog.builder();
        apply(URI, uri, b::uri);
        String prefix = value(settings, KEY_PREFIX);
        if (prefix != null) {
            apply(KEY_PREFIX, prefix, b::keyPrefix);
        }
        String stream = value(settings, STREAM);
        apply(STREAM, stream != null ? stream : name, b::stream);
        number(settings, MAX_LENGTH, b::maxLength);
        number(settings, MAX_AGE_MILLIS, v -> b.maxAge(Duration.ofMillis(v)));
        number(settings, DURABLE_REPLICAS, v -> b.durableReplicas(Math.toIntExact(v)));
        number(settings, DURABLE_TIMEOUT_MILLIS, v -> b.durableTimeout(Duration.ofMillis(v)));
        number(settings, MAX_SCAN, v -> b.maxScan(Math.toIntExact(v)));
        number(settings, PUBLISH_TIMEOUT_MILLIS, v -> b.publishTimeout(Duration.ofMillis(v)));
        String cluster = value(settings, CLUSTER);
        if (cluster != null) {
            if (!cluster.equalsIgnoreCase("true") && !cluster.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(CLUSTER + " must be true or false, got '" + cluster + "'");
            }
            b.cluster(Boolean.parseBoolean(cluster));
        }
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ssekit.redis.*: " + e.getMessage(), e);
        }
    }

    private static String value(Function<String, String> settings, String key) {
        String v = settings.apply(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static void apply(String key, String value, Function<String, RedisEventLog.Builder> setter) {
        try {
            setter.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static void number(Function<String, String> settings, String key, LongFunction<RedisEventLog.Builder> setter) {
        String v = value(settings, key);
        if (v == null) {
            return;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'", e);
        }
        try {
            setter.apply(n);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
