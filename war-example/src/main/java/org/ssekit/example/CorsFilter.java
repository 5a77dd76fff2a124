package org.ssekit.example;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.CorsPolicy;

/**
 * Cross-origin access to the demo API, for the pages served from another origin (the
 * notification demo); the streams under {@code /sse/} get the same rules from SseStreams. Only the exact origins of {@link ExampleApp}'s CORS policy, with
 * credentials, answered with the exact origin and {@code Vary: Origin}; any other origin is
 * refused with 403 before the request reaches a servlet, so it can neither read nor change anything.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public final class CorsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equalsIgnoreCase(ownOrigin(request))) {
            chain.doFilter(request, response);
            return;
        }
        CorsPolicy cors = ExampleApp.of(getServletContext()).config().cors();
        response.addHeader("Vary", "Origin");
        if (!cors.allows(origin)) {
            Http.error(response, 403, "origin not allowed");
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        if (cors.allowCredentials()) {
            response.setHeader("Access-Control-Allow-Credentials", "true");
        }
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            preflight(request, response, cors);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void preflight(HttpServletRequest request, HttpServletResponse response, CorsPolicy cors) {
        List<String> allowed = new ArrayList<>(cors.allowedHeaders());
        allowed.add("Content-Type");
        List<String> granted = new ArrayList<>();
        String asked = request.getHeader("Access-Control-Request-Headers");
        if (asked != null) {
            for (String h : asked.split(",")) {
                String name = h.strip();
                if (allowed.stream().anyMatch(a -> a.equalsIgnoreCase(name))) {
                    granted.add(name);
                }
            }
        }
        response.setStatus(204);
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        if (!granted.isEmpty()) {
            response.setHeader("Access-Control-Allow-Headers", String.join(", ", granted));
        }
        response.setHeader("Access-Control-Max-Age", Long.toString(cors.maxAge().toSeconds()));
    }

    /** scheme://host[:port] of this request, as a browser would write it in Origin. */
    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
