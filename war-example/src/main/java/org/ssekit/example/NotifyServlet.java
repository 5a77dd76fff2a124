package org.ssekit.example;

import java.io.IOException;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.ssekit.SseEvent;

/** {@code POST /api/notify} with form fields {@code to} and {@code text}: a notification for one user. */
@WebServlet(urlPatterns = "/api/notify", asyncSupported = true)
public final class NotifyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String from = session == null ? null : (String) session.getAttribute(AuthServlet.USER);
        if (from == null) {
            Http.error(response, 401, "log in first");
            return;
        }
        String to = Http.param(request, "to").toLowerCase(java.util.Locale.ROOT);
        String text = Http.param(request, "text");
        if (!AuthServlet.USER_NAME.matcher(to).matches() || text.isEmpty() || text.length() > 300) {
            Http.error(response, 400, "need a user name (a-z, 0-9, _ or -) and 1 to 300 characters of text");
            return;
        }
        var sent = ExampleApp.of(getServletContext()).hub().publishToUser(to, SseEvent.of("notification",
                Json.object("from", from, "text", text,
                        "time", LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString())));
        Http.whenPublished(request, response, sent, r -> Json.object("id", r.id(), "delivered", r.accepted()));
    }
}
