package org.ssekit.example;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /api/drop}: closes every open demo stream from the server side, so you can
 * watch the pages reconnect and resume with Last-Event-ID without losing or repeating events.
 */
@WebServlet("/api/drop")
public final class DropServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int closed = ExampleApp.of(getServletContext()).dropAll();
        Http.json(response, 200, Json.object("closed", closed));
    }
}
