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

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.ssekit.CorsPolicy;
import org.ssekit.SseConfig;

/**
 * The names of the init-params (of {@link SseServlet} and {@link SseFilter}; the JAX-RS feature
 * reads the same names as {@code ssekit.*} properties) and how they map onto {@link SseConfig}.
 * A bad value fails with an IllegalArgumentException naming the parameter and its value.
 *
 * <pre>
 * &lt;init-param&gt;&lt;param-name&gt;heartbeatMillis&lt;/param-name&gt;&lt;param-value&gt;15000&lt;/param-value&gt;&lt;/init-param&gt;
 * </pre>
 *
 * <p>Thread safety: stateless apart from the lookup it is given; {@link #apply} is safe from any thread.
 */
public final class InitParameters {
    public static final String HEARTBEAT_MILLIS = "heartbeatMillis";
    public static final String RETRY_MILLIS = "retryMillis";
    public static final String RETRY_JITTER_MILLIS = "retryJitterMillis";
    public static final String MAX_QUEUED_EVENTS = "maxQueuedEvents";
    public static final String MAX_QUEUED_BYTES = "maxQueuedBytes";
    /** {@code disconnect} or {@code fail-send}. */
    public static final String OVERFLOW = "overflow";
    public static final String MAX_CONNECTIONS = "maxConnections";
    public static final String LAST_EVENT_ID_PARAM = "lastEventIdParam";
    public static final String RESET_EVENT = "resetEvent";
    /** Comma-separated exact origins allowed cross-origin. */
    public static final String CORS_ALLOWED_ORIGINS = "corsAllowedOrigins";
    public static final String CORS_ALLOW_CREDENTIALS = "corsAllowCredentials";
    public static final String WRITE_STALL_TIMEOUT_MILLIS = "writeStallTimeoutMillis";
    /** {@code auto} (default: detected from the container), {@code true} or {@code false}. */
    public static final String BLOCKING_WRITES = "blockingWrites";
    /** {@code auto} (default: detected from the container), {@code true} or {@code false}. */
    public static final String DOUBLE_FIRST_FLUSH = "doubleFirstFlush";
    /** The JNDI name of a managed executor for the writer tasks, such as {@code java:comp/DefaultManagedExecutorService}. */
    public static final String WRITER_EXECUTOR = "writerExecutor";

    // The filter's own.
    static final String CHANNEL_PARAM = "channelParam";
    static final String DEFAULT_CHANNEL = "defaultChannel";
    static final String AUTHORIZER = "authorizer";
    static final String EVENT_LOG_MAX_EVENTS = "eventLogMaxEvents";
    static final String EVENT_LOG_MAX_BYTES = "eventLogMaxBytes";
    static final String EVENT_LOG_MAX_AGE_MILLIS = "eventLogMaxAgeMillis";
    static final String SHUTDOWN_GRACE_MILLIS = "shutdownGraceMillis";

    private final Function<String, String> lookup;

    private InitParameters(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** {@code b} with every setting that {@code lookup} names; absent names keep their value. */
    public static SseConfig.Builder apply(SseConfig.Builder b, Function<String, String> lookup) {
        InitParameters p = new InitParameters(lookup);
        p.millis(HEARTBEAT_MILLIS, b::heartbeat);
        p.millis(RETRY_MILLIS, b::retry);
        p.millis(RETRY_JITTER_MILLIS, b::retryJitter);
        p.millis(WRITE_STALL_TIMEOUT_MILLIS, b::writeStallTimeout);
        p.wholeNumber(MAX_QUEUED_EVENTS, 1, Integer.MAX_VALUE).ifPresent(n -> b.maxQueuedEvents((int) n));
        p.wholeNumber(MAX_QUEUED_BYTES, 1, Long.MAX_VALUE).ifPresent(b::maxQueuedBytes);
        p.wholeNumber(MAX_CONNECTIONS, 1, Integer.MAX_VALUE).ifPresent(n -> b.maxConnections((int) n));
        p.text(OVERFLOW, v -> b.overflow(overflow(v)));
        p.text(LAST_EVENT_ID_PARAM, b::lastEventIdParam);
        p.text(RESET_EVENT, b::resetEvent);
        p.text(BLOCKING_WRITES, v -> detectOr(v).ifPresent(b::blockingWrites));
        p.text(DOUBLE_FIRST_FLUSH, v -> detectOr(v).ifPresent(b::doubleFirstFlush));
        p.text(WRITER_EXECUTOR, v -> b.writerExecutor(lookUpExecutor(v)));
        p.cors(b);
        return b;
    }

    /** The {@link SseConfig} that {@code lookup} names, over the defaults. */
    static SseConfig config(Function<String, String> lookup) {
        return apply(SseConfig.builder(), lookup).build();
    }

    static InitParameters of(Function<String, String> lookup) {
        return new InitParameters(lookup);
    }

    private void cors(SseConfig.Builder b) {
        String origins = lookup.apply(CORS_ALLOWED_ORIGINS);
        if (origins == null || origins.isBlank()) {
            return;
        }
        CorsPolicy.Builder policy = CorsPolicy.builder();
        text(CORS_ALLOW_CREDENTIALS, v -> policy.allowCredentials(bool(v)));
        text(CORS_ALLOWED_ORIGINS, v -> {
            for (String o : v.split(",")) {
                if (!o.isBlank()) {
                    policy.allowOrigin(o.trim());
                }
            }
            b.cors(policy.build());
        });
    }

    String channelParam() {
        return optional(CHANNEL_PARAM).orElse("channel");
    }

    Optional<String> defaultChannel() {
        return optional(DEFAULT_CHANNEL);
    }

    int eventLogMaxEvents() {
        return (int) wholeNumber(EVENT_LOG_MAX_EVENTS, 1, Integer.MAX_VALUE).orElse(10_000);
    }

    long eventLogMaxBytes() {
        return wholeNumber(EVENT_LOG_MAX_BYTES, 1, Long.MAX_VALUE).orElse(16L << 20);
    }

    Duration eventLogMaxAge() {
        return Duration.ofMillis(wholeNumber(EVENT_LOG_MAX_AGE_MILLIS, 1, Long.MAX_VALUE)
                .orElse(Duration.ofHours(1).toMillis()));
    }

    Duration shutdownGrace() {
        return Duration.ofMillis(wholeNumber(SHUTDOWN_GRACE_MILLIS, 1, Long.MAX_VALUE).orElse(2000));
    }

    Authorizer authorizer() {
        Optional<String> className = optional(AUTHORIZER);
        if (className.isEmpty()) {
            return Authorizer.PRINCIPAL;
        }
        try {
            Class<?> type = Class.forName(className.get(), true, Thread.currentThread().getContextClassLoader());
            return (Authorizer) type.getConstructor().newInstance();
        } catch (ClassNotFoundException | ClassCastException | NoSuchMethodException | InstantiationException
                | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("parameter " + AUTHORIZER + "='" + className.get()
                    + "': needs a public class implementing Authorizer with a public no-argument constructor ("
                    + e + ")", e);
        }
    }

    private Optional<String> optional(String name) {
        String v = lookup.apply(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private void millis(String name, Consumer<Duration> set) {
        wholeNumber(name, 0, Long.MAX_VALUE).ifPresent(n -> set.accept(Duration.ofMillis(n)));
    }

    /**
     * The whole number named {@code name}, if present, within {@code min..max}; otherwise an
     * IllegalArgumentException naming the parameter and its value.
     */
    private OptionalLong wholeNumber(String name, long min, long max) {
        String raw = lookup.apply(name);
        if (raw == null || raw.isBlank()) {
            return OptionalLong.empty();
        }
        String value = raw.trim();
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return OptionalLong.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("parameter " + name + "='" + value + "': expected a whole number"
                + (max == Long.MAX_VALUE ? " >= " + min : " from " + min + " to " + max));
    }

    private void text(String name, Consumer<String> set) {
        String raw = lookup.apply(name);
        if (raw == null) {
            return;
        }
        String value = raw.trim();
        try {
            set.accept(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + name + "='" + value + "': " + e.getMessage(), e);
        }
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static Optional<Boolean> detectOr(String v) {
        return "auto".equalsIgnoreCase(v) ? Optional.empty() : Optional.of(bool(v));
    }

    private static SseConfig.Overflow overflow(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "disconnect" -> SseConfig.Overflow.DISCONNECT;
            case "fail-send", "fail_send" -> SseConfig.Overflow.FAIL_SEND;
            default -> throw new IllegalArgumentException("expected disconnect or fail-send");
        };
    }

    private static Executor lookUpExecutor(String jndiName) {
        try {
            Object found = new InitialContext().lookup(jndiName);
            if (found instanceof Executor e) {
                return e;
            }
            throw new IllegalArgumentException("names no Executor (" + found + ")");
        } catch (NamingException e) {
            throw new IllegalArgumentException("no executor at that JNDI name (" + e.getMessage() + ")", e);
        }
    }
}
