package org.ssekit.servlet.internal;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.ssekit.internal.ConfigParameters;
import org.ssekit.servlet.Authorizer;

/** The SseFilter's own init-params, each checked with a message naming it. */
public final class FilterParameters {
    private final Function<String, String> lookup;

    public FilterParameters(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public String channelParam() {
        return text("channelParam").orElse("channel");
    }

    public Optional<String> defaultChannel() {
        return text("defaultChannel");
    }

    public int eventLogMaxEvents() {
        return (int) positive("eventLogMaxEvents", 10_000, Integer.MAX_VALUE);
    }

    public long eventLogMaxBytes() {
        return positive("eventLogMaxBytes", 16L << 20, Long.MAX_VALUE);
    }

    public Duration eventLogMaxAge() {
        return Duration.ofMillis(positive("eventLogMaxAgeMillis", Duration.ofHours(1).toMillis(), Long.MAX_VALUE));
    }

    public Duration shutdownGrace() {
        return Duration.ofMillis(positive("shutdownGraceMillis", 2000, Long.MAX_VALUE));
    }

    public Authorizer authorizer() {
        Optional<String> className = text("authorizer");
        if (className.isEmpty()) {
            return Authorizer.PRINCIPAL;
        }
        try {
            Class<?> type = Class.forName(className.get(), true, Thread.currentThread().getContextClassLoader());
            return (Authorizer) type.getConstructor().newInstance();
        } catch (ClassNotFoundException | ClassCastException | NoSuchMethodException | InstantiationException
                | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("parameter authorizer='" + className.get()
                    + "': needs a public class implementing Authorizer with a public no-argument constructor ("
                    + e + ")", e);
        }
    }

    private Optional<String> text(String name) {
        String v = lookup.apply(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private long positive(String name, long otherwise, long max) {
        return ConfigParameters.wholeNumber(lookup, name, 1, max).orElse(otherwise);
    }
}
