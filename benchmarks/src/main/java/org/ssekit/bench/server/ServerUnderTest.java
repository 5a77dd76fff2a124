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
