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

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.CorsPolicy;
import org.ssekit.internal.Cors;

/**
 * Applies a {@link CorsPolicy} to the application's own endpoints (a publish API beside the
 * streams, say) exactly as ssekit's streams apply it: an allowed origin gets
 * <pre>
 * Access-Control-Allow-Origin: https://app.example
 * Access-Control-Allow-Credentials: true
 * Vary: Origin
 * </pre>
 * and its preflights are answered 204 naming the allowed methods and headers; any other origin,
 * and {@code Origin: null}, get 403 with the reason {@code origin not allowed} before the request
 * reaches a servlet. Same-origin requests pass untouched.
 *
 * <p>Map it in web.xml with the init-params {@code corsAllowedOrigins} and
 * {@code corsAllowCredentials} ({@link InitParameters}), or register
 * {@code new CorsFilter(policy)} programmatically.
 *
 * <p>Thread safety: immutable once initialised; the container calls it concurrently.
 */
public class CorsFilter implements Filter {
    private CorsPolicy policy;

    /** A filter configured from its init-params. */
    public CorsFilter() {
    }

    /** A filter applying {@code policy}. */
    public CorsFilter(CorsPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (policy == null) {
            try {
                policy = InitParameters.config(filterConfig::getInitParameter).cors();
            } catch (IllegalArgumentException e) {
                throw new UnavailableException("filter " + filterConfig.getFilterName() + ": bad init-param: "
                        + e.getMessage());
            }
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        if (preflight(policy, request, response) || !admit(policy, request, response)) {
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Answers a CORS preflight: 204 with the allowed origin, credentials, methods and headers,
     * or 403 for an origin that is not allowed.
     *
     * @return false when the request is no preflight from another origin (nothing was written)
     */
    static boolean preflight(CorsPolicy policy, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!Cors.isPreflight(request.getMethod(), request.getHeader("Access-Control-Request-Method"))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        Cors.Outcome outcome = check(policy, request);
        if (outcome == Cors.Outcome.SAME_ORIGIN) {
            return false;
        }
        if (outcome == Cors.Outcome.REFUSED) {
            Cors.answerHeaders(policy, outcome, origin, response::setHeader);
            Responses.reject(response, HttpServletResponse.SC_FORBIDDEN, Cors.REFUSED_REASON);
            return true;
        }
        Cors.preflightHeaders(policy, origin, response::setHeader);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return true;
    }

    /**
     * Sets the CORS headers of a request that is no preflight; answers 403 for a refused origin.
     *
     * @return false when the request was refused (and answered)
     */
    static boolean admit(CorsPolicy policy, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String origin = request.getHeader("Origin");
        Cors.Outcome outcome = check(policy, request);
        Cors.answerHeaders(policy, outcome, origin, response::setHeader);
        if (outcome == Cors.Outcome.REFUSED) {
            Responses.reject(response, HttpServletResponse.SC_FORBIDDEN, Cors.REFUSED_REASON);
            return false;
        }
        return true;
    }

    private static Cors.Outcome check(CorsPolicy policy, HttpServletRequest request) {
        return Cors.check(policy, request.getHeader("Origin"), request.getScheme(), request.getHeader("Host"));
    }
}
