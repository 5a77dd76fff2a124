package org.ssekit.internal;

import java.time.Duration;
import java.util.Locale;
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
        number(lookup, SseConfig.PARAM_MAX_QUEUED_EVENTS, n -> b.maxQueuedEvents(toInt(n)));
        number(lookup, SseConfig.PARAM_MAX_QUEUED_BYTES, b::maxQueuedBytes);
        number(lookup, SseConfig.PARAM_MAX_CONNECTIONS, n -> b.maxConnections(toInt(n)));
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
        number(lookup, name, n -> set.accept(Duration.ofMillis(n)));
    }

    private static void number(Function<String, String> lookup, String name, Consumer<Long> set) {
        text(lookup, name, v -> {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number");
            }
            if (n < 0) {
                throw new IllegalArgumentException("must not be negative");
            }
            set.accept(n);
        });
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

    private static int toInt(long n) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("must be at most " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    private static SseConfig.Overflow overflow(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "disconnect" -> SseConfig.Overflow.DISCONNECT;
            case "fail-send", "fail_send" -> SseConfig.Overflow.FAIL_SEND;
            default -> throw new IllegalArgumentException("expected disconnect or fail-send");
        };
    }
}
