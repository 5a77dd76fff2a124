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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which other origins may open event streams, with credentials done right.
 *
 * <p>An allowed cross-origin request gets the exact origin back, never {@code *}:
 * <pre>
 * Access-Control-Allow-Origin: https://app.example.com
 * Access-Control-Allow-Credentials: true
 * Vary: Origin
 * </pre>
 * A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed origin
 * is answered 204 with {@code Access-Control-Allow-Methods: GET, OPTIONS} and the allowed
 * request headers named one by one ({@code Authorization, Last-Event-ID, Cache-Control} by
 * default). An origin not on the list, and {@code Origin: null}, are refused with 403 before
 * any stream opens. A same-origin request is served without CORS headers.
 *
 * <p>Thread safety: instances are immutable and safe to share between threads.
 */
public final class CorsPolicy {
    private static final CorsPolicy SAME_ORIGIN = new CorsPolicy(Set.of(), true, List.of(), Duration.ZERO, Set.of());

    private final Set<String> allowedOrigins;
    private final boolean allowCredentials;
    private final List<String> allowedHeaders;
    private final Duration maxAge;
    private final Set<String> serverOrigins;

    private CorsPolicy(Set<String> origins, boolean credentials, List<String> headers, Duration maxAge,
            Set<String> serverOrigins) {
        this.allowedOrigins = origins;
        this.allowCredentials = credentials;
        this.allowedHeaders = headers;
        this.maxAge = maxAge;
        this.serverOrigins = serverOrigins;
    }

    /** No cross-origin access: requests from other origins are refused with 403. */
    public static CorsPolicy sameOrigin() {
        return SAME_ORIGIN;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when {@code origin}, as the browser sent it, is on the allowlist ({@code null} only if listed). */
    public boolean allows(String origin) {
        if (origin == null || origin.isEmpty()) {
            return false;
        }
        if (origin.equals("null")) {
            return allowedOrigins.contains("null");
        }
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    public boolean allowCredentials() {
        return allowCredentials;
    }

    /** Request headers a preflight may ask for, named explicitly. */
    public List<String> allowedHeaders() {
        return allowedHeaders;
    }

    /** How long a browser may cache a preflight answer. */
    public Duration maxAge() {
        return maxAge;
    }

    /**
     * The origins this server is reached at, written with their port ({@code https://app.example:443});
     * when not empty, only these count as same-origin and the request's {@code Host} is not
     * consulted. Empty by default: same-origin is the request's scheme and {@code Host}.
     */
    public Set<String> serverOrigins() {
        return serverOrigins;
    }

    @Override
    public String toString() {
        return "CorsPolicy{allowedOrigins=" + allowedOrigins + ", allowCredentials=" + allowCredentials
                + ", allowedHeaders=" + allowedHeaders + ", maxAge=" + maxAge + ", serverOrigins=" + serverOrigins + "}";
    }

    /**
     * Builds a {@link CorsPolicy}. Origins are exact ({@code scheme://host[:port]}, no path);
     * {@code *} is refused when credentials are allowed, as browsers would refuse it.
     *
     * <p>Thread safety: a builder is not thread-safe; use it from one thread.
     */
    public static final class Builder {
        private final Set<String> origins = new LinkedHashSet<>();
        private boolean credentials = true;
        private final Set<String> headers = new LinkedHashSet<>(List.of("Authorization", "Last-Event-ID", "Cache-Control"));
        private Duration maxAge = Duration.ofMinutes(10);
        private final Set<String> serverOrigins = new LinkedHashSet<>();

        private Builder() {
        }

        public Builder allowOrigin(String origin) {
            Objects.requireNonNull(origin, "origin");
            String o = origin.trim();
            if (!o.equals("*") && !o.equals("null") && !isOrigin(o)) {
                throw new IllegalArgumentException("allowed origin must be scheme://host[:port], got '" + origin + "'");
            }
            origins.add(o.equals("*") || o.equals("null") ? o : o.toLowerCase(Locale.ROOT));
            return this;
        }

        /**
         * An origin this server is reached at, such as {@code https://app.example} behind a
         * proxy that rewrites {@code Host}: once one is named, same-origin means one of these.
         */
        public Builder serverOrigin(String origin) {
            Objects.requireNonNull(origin, "origin");
            String o = origin.trim().toLowerCase(Locale.ROOT);
            if (!isOrigin(o)) {
                throw new IllegalArgumentException("server origin must be scheme://host[:port], got '" + origin + "'");
            }
            serverOrigins.add(org.ssekit.internal.Cors.withDefaultPort(o));
            return this;
        }

        private static boolean isOrigin(String o) {
            return o.matches("(?i)https?://[^/?#\\s]+");
        }

        public Builder allowOrigins(Iterable<String> allowed) {
            Objects.requireNonNull(allowed, "allowed").forEach(this::allowOrigin);
            return this;
        }

        /** Whether cookies and Authorization may be sent cross-origin (default true). */
        public Builder allowCredentials(boolean allow) {
            this.credentials = allow;
            return this;
        }

        /** Adds a request header that preflights may ask for. */
        public Builder allowHeader(String header) {
            Objects.requireNonNull(header, "header");
            if (header.isBlank() || header.equals("*")) {
                throw new IllegalArgumentException("allowed header must be a header name, got '" + header + "'");
            }
            headers.add(header.trim());
            return this;
        }

        public Builder maxAge(Duration age) {
            Objects.requireNonNull(age, "maxAge");
            if (age.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative, got " + age);
            }
            this.maxAge = age;
            return this;
        }

        public CorsPolicy build() {
            if (credentials && origins.contains("*")) {
                throw new IllegalArgumentException(
                        "allowed origin '*' cannot be combined with credentials: list the exact origins");
            }
            return new CorsPolicy(Set.copyOf(origins), credentials, List.copyOf(headers), maxAge,
                    Set.copyOf(serverOrigins));
        }
    }
}
