package org.ssekit.it;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.ssekit.EventStream;
import org.ssekit.servlet.SseServlet;
import org.ssekit.servlet.SseStreams;

/** An SseServlet that hands every opened stream to the test. */
final class QueueServlet extends SseServlet {
    private static final long serialVersionUID = 1L;
    private final transient BlockingQueue<EventStream> opened = new LinkedBlockingQueue<>();

    @Override
    protected void onOpen(HttpServletRequest request, EventStream stream) {
        opened.add(stream);
    }

    EventStream next(Duration timeout) throws InterruptedException {
        EventStream s = opened.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new AssertionError("no stream opened within " + timeout);
        }
        return s;
    }

    SseStreams open() {
        return streams();
    }
}
