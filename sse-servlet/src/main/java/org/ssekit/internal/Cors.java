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
package org.ssekit.internal;

import java.util.Locale;
import java.util.function.BiConsumer;

import org.ssekit.CorsPolicy;

/**
 * CORS, in one place: the decision for one request and the headers of every answer, for the
 * servlet binding, the JAX-RS binding and the servlet {@code CorsFilter} alike.
 *
 * <p>Same-origin detection trusts, in this order: the policy's own origins when it names them
 * ({@link CorsPolicy.Builder#serverOrigin}; set them behind a proxy that rewrites {@code Host}),
 * else the scheme and {@code Host} of the request as the container sees them (a container
 * behind a proxy should be told the original scheme and host: {@code X-Forwarded-*} or
 * {@code Forwarded} handling). An {@code Origin} that differs in scheme, host or port is
 * cross-origin and needs the allowlist; {@code Origin: null} is refused unless listed.
 */
public final class Cors {
    /** The one-line reason of every refusal. */
    public static final String REFUSED_REASON = "origin not allowed";

    /** How a request relates to the policy. */
    public enum Outcome {
        /** No Origin, or the server's own: no CORS headers needed. */
        SAME_ORIGIN,
        /** An allowed other origin: answer with {@link #answerHeaders}. */
        ALLOWED,
        /** Another origin not on the list, or {@code null}: answer 403, open nothing. */
        REFUSED
    }

    private Cors() {
    }

    /**
     * @param origin the Origin header, or null
     * @param scheme the scheme the request came in on ({@code http} or {@code https})
     * @param host the Host header (host[:port]) the request was sent to, or null
     */
    public static Outcome check(CorsPolicy policy, String origin, String scheme, String host) {
        if (origin == null || isSameOrigin(policy, origin, scheme, host)) {
            return Outcome.SAME_ORIGIN;
        }
        return policy.allows(origin) ? Outcome.ALLOWED : Outcome.REFUSED;
    }

    /** True for a CORS preflight: OPTIONS with Access-Control-Request-Method. */
    public static boolean isPreflight(String method, String requestMethodHeader) {
        return "OPTIONS".equalsIgnoreCase(method) && requestMethodHeader != null;
    }

    /**
     * The CORS headers of any answer (stream, error, refusal): for an allowed origin the exact
     * origin and credentials; {@code Vary: Origin} whenever the policy lists origins, since the
     * answer then depends on the Origin, also for same-origin and refused requests.
     */
    public static void answerHeaders(CorsPolicy policy, Outcome outcome, String origin,
            BiConsumer<String, String> header) {
        if (outcome == Outcome.ALLOWED) {
            header.accept("Access-Control-Allow-Origin", origin);
            if (policy.allowCredentials()) {
                header.accept("Access-Control-Allow-Credentials", "true");
            }
        }
        if (outcome == Outcome.ALLOWED || !policy.allowedOrigins().isEmpty()) {
            header.accept("Vary", "Origin");
        }
    }

    /** The headers of an allowed preflight's answer (status 204). */
    public static void preflightHeaders(CorsPolicy policy, String origin, BiConsumer<String, String> header) {
        answerHeaders(policy, Outcome.ALLOWED, origin, header);
        header.accept("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        header.accept("Access-Control-Allow-Headers", String.join(", ", policy.allowedHeaders()));
        header.accept("Access-Control-Max-Age", Long.toString(policy.maxAge().toSeconds()));
    }

    /** Whether {@code origin} (scheme://host[:port]) is this server's own. */
    static boolean isSameOrigin(CorsPolicy policy, String origin, String scheme, String host) {
        String o = origin.toLowerCase(Locale.ROOT);
        if (!policy.serverOrigins().isEmpty()) {
            return policy.serverOrigins().contains(withDefaultPort(o));
        }
        if (host == null || scheme == null) {
            return false;
        }
        return withDefaultPort(o).equals(withDefaultPort(scheme.toLowerCase(Locale.ROOT) + "://"
                + host.toLowerCase(Locale.ROOT)));
    }

    /** {@code scheme://host:port}, with the scheme's default port written out; unchanged if not an origin. */
    public static String withDefaultPort(String origin) {
        int sep = origin.indexOf("://");
        if (sep < 0) {
            return origin;
        }
        String scheme = origin.substring(0, sep);
        String hostPort = origin.substring(sep + 3);
        int bracket = hostPort.lastIndexOf(']');
        if (hostPort.indexOf(':', bracket + 1) >= 0) {
            return origin;
        }
        return origin + (scheme.equals("https") ? ":443" : scheme.equals("http") ? ":80" : "");
    }
}
