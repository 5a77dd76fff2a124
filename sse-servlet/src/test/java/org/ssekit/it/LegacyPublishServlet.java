package org.ssekit.it;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.SseEvent;
import org.ssekit.servlet.SseFilter;

/** What a legacy app writes to publish: one call, no JAX-RS. */
public final class LegacyPublishServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = SseFilter.broadcaster(getServletContext())
                .publish(request.getParameter("channel"), SseEvent.of("order", request.getParameter("data"))).toCompletableFuture().join().id();
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().write(id);
    }
}
