package org.ssekit.bench.server;

import java.time.Duration;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * One SSE stack under test: it installs its endpoint at {@code /events} of a Jetty context,
 * sends heartbeats at the given interval, and broadcasts benchmark events.
 *
 * <p>Thread safety: {@link #publish} is called from one thread; the rest from any.
 */
public interface ServerUnderTest {
    /** The path every stack serves its stream at. */
    String PATH = "/events";

    void install(ServletContextHandler context, Duration heartbeat);

    /** Broadcasts one event whose data is {@code data} (and, where the stack has ids, id {@code seq}). */
    void publish(long seq, String data);

    /**
     * Publishes that the stack itself reported as failed so far (a failed publish stage, a
     * broadcast that threw); such an event may be missing on some subscribers.
     */
    default long publishFailures() {
        return 0;
    }

    /** Streams this stack holds open now. */
    int connections();

    /** Called once before the server stops. */
    default void stop() {
    }
}
