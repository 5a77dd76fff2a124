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
