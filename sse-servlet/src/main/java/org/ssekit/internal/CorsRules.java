package org.ssekit.internal;

import java.util.Locale;
import java.util.function.BiConsumer;

import org.ssekit.CorsPolicy;

/** Applies a {@link CorsPolicy} to one request; shared by the servlet and JAX-RS bindings. */
public final class CorsRules {
    /** How a request relates to the policy. */
    public enum Outcome {
        /** No Origin, or the server's own: no CORS headers needed. */
        SAME_ORIGIN,
        /** An allowed other origin: add {@link #allowHeaders}. */
        ALLOWED,
        /** Another origin not on the list, or {@code null}: answer 403, open nothing. */
        REFUSED
    }

    private CorsRules() {
    }

    /**
     * @param origin the Origin header, or null
     * @param host the Host header (host[:port]) the request was sent to, or null
     */
    public static Outcome check(CorsPolicy policy, String origin, String host) {
        if (origin == null || isSameOrigin(origin, host)) {
            return Outcome.SAME_ORIGIN;
        }
        return policy.allows(origin) ? Outcome.ALLOWED : Outcome.REFUSED;
    }

    /** True for a CORS preflight: OPTIONS with Access-Control-Request-Method. */
    public static boolean isPreflight(String method, String requestMethodHeader) {
        return "OPTIONS".equalsIgnoreCase(method) && requestMethodHeader != null;
    }

    /** The headers of an allowed cross-origin answer: the exact origin, credentials, Vary. */
    public static void allowHeaders(CorsPolicy policy, String origin, BiConsumer<String, String> header) {
        header.accept("Access-Control-Allow-Origin", origin);
        if (policy.allowCredentials()) {
            header.accept("Access-Control-Allow-Credentials", "true");
        }
        header.accept("Vary", "Origin");
    }

    /** The headers of an allowed preflight answer (status 204). */
    public static void preflightHeaders(CorsPolicy policy, String origin, BiConsumer<String, String> header) {
        allowHeaders(policy, origin, header);
        header.accept("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        header.accept("Access-Control-Allow-Headers", String.join(", ", policy.allowedHeaders()));
        header.accept("Access-Control-Max-Age", Long.toString(policy.maxAge().toSeconds()));
    }

    /** Whether {@code origin} (scheme://host[:port]) names the same host and port as {@code host}. */
    static boolean isSameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        int sep = o.indexOf("://");
        if (sep < 0) {
            return false;
        }
        String scheme = o.substring(0, sep);
        String defaultPort = scheme.equals("https") ? ":443" : ":80";
        return withPort(o.substring(sep + 3), defaultPort).equals(withPort(host.toLowerCase(Locale.ROOT), defaultPort));
    }

    private static String withPort(String hostPort, String defaultPort) {
        int bracket = hostPort.lastIndexOf(']');
        return hostPort.indexOf(':', bracket + 1) >= 0 ? hostPort : hostPort + defaultPort;
    }
}
