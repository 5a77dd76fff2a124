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
package org.ssekit.example;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Feeds the log-tail demo with one line per API call. */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public final class AccessLogFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        chain.doFilter(request, response);
        long millis = (System.nanoTime() - start) / 1_000_000;
        int status = response.getStatus();
        try {
            ExampleApp.of(getServletContext()).feeds().log(status >= 400 ? "WARN" : "INFO", "http",
                    request.getMethod() + " " + request.getRequestURI() + " " + status + " " + millis + " ms");
        } catch (IllegalStateException stopping) {
            // The application is shutting down; the line has nowhere to go.
        }
    }
}
