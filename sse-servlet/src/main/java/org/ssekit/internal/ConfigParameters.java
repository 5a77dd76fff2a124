package org.ssekit.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.ssekit.CorsPolicy;
import org.ssekit.SseConfig;

/** Maps named string settings (servlet init-params) onto an {@link SseConfig.Builder}. */
public final class ConfigParameters {
    private ConfigParameters() {
    }

    public static void apply(SseConfig.Builder b, Function<String, String> lookup) {
        millis(lookup, SseConfig.PARAM_HEARTBEAT_MILLIS, d -> b.heartbeat(d));
        millis(lookup, SseConfig.PARAM_RETRY_MILLIS, d -> b.retry(d));
        millis(lookup, SseConfig.PARAM_RETRY_JITTER_MILLIS, d -> b.retryJitter(d));
        wholeNumber(lookup, SseConfig.PARAM_MAX_QUEUED_EVENTS, 1, Integer.MAX_VALUE)
                .ifPresent(n -> b.maxQueuedEvents((int) n));
        wholeNumber(lookup, SseConfig.PARAM_MAX_QUEUED_BYTES, 1, Long.MAX_VALUE).ifPresent(b::maxQueuedBytes);
        wholeNumber(lookup, SseConfig.PARAM_MAX_CONNECTIONS, 1, Integer.MAX_VALUE)
                .ifPresent(n -> b.maxConnections((int) n));
        text(lookup, SseConfig.PARAM_OVERFLOW, v -> b.overflow(overflow(v)));
        text(lookup, SseConfig.PARAM_LAST_EVENT_ID_PARAM, b::lastEventIdParam);
        text(lookup, SseConfig.PARAM_RESET_EVENT, b::resetEvent);
        cors(b, lookup);
    }

    private static void cors(SseConfig.Builder b, Function<String, String> lookup) {
        String origins = lookup.apply(SseConfig.PARAM_CORS_ALLOWED_ORIGINS);
        if (origins == null || origins.isBlank()) {
            return;
        }
        CorsPolicy.Builder policy = CorsPolicy.builder();
        text(lookup, SseConfig.PARAM_CORS_ALLOW_CREDENTIALS, v -> policy.allowCredentials(bool(v)));
        text(lookup, SseConfig.PARAM_CORS_ALLOWED_ORIGINS, v -> {
            for (String o : v.split(",")) {
                if (!o.isBlank()) {
                    policy.allowOrigin(o.trim());
                }
            }
            b.cors(policy.build());
        });
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static void millis(Function<String, String> lookup, String name, Consumer<Duration> set) {
        wholeNumber(lookup, name, 0, Long.MAX_VALUE).ifPresent(n -> set.accept(Duration.ofMillis(n)));
    }

    /**
     * The whole number named {@code name}, if present, within {@code min..max}; otherwise an
     * IllegalArgumentException naming the parameter and its value.
     */
    public static OptionalLong wholeNumber(Function<String, String> lookup, String name, long min, long max) {
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

    private static void text(Function<String, String> lookup, String name, Consumer<String> set) {
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

    private static SseConfig.Overflow overflow(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "disconnect" -> SseConfig.Overflow.DISCONNECT;
            case "fail-send", "fail_send" -> SseConfig.Overflow.FAIL_SEND;
            default -> throw new IllegalArgumentException("expected disconnect or fail-send");
        };
    }
}
