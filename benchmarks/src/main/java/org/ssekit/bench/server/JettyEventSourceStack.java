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

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlets.EventSource;
import org.eclipse.jetty.ee10.servlets.EventSourceServlet;

/** Jetty's own {@link EventSourceServlet}, broadcasting the way its Javadoc suggests: loop over the emitters. */
final class JettyEventSourceStack implements ServerUnderTest {
    private final Set<EventSource.Emitter> emitters = ConcurrentHashMap.newKeySet();

    @Override
    public void install(ServletContextHandler context, Duration heartbeat) {
        ServletHolder holder = new ServletHolder(new EventSourceServlet() {
            @Override
            protected EventSource newEventSource(HttpServletRequest request) {
                return new Subscriber();
            }
        });
        holder.setAsyncSupported(true);
        holder.setInitParameter("heartBeatPeriod", Long.toString(Math.max(1, heartbeat.toSeconds())));
        context.addServlet(holder, PATH);
    }

    /** Adds its emitter to the set while the connection is open. */
    private final class Subscriber implements EventSource {
        private Emitter emitter;

        @Override
        public void onOpen(Emitter e) {
            emitter = e;
            emitters.add(e);
        }

        @Override
        public void onClose() {
            emitters.remove(emitter);
        }
    }

    @Override
    public void publish(long seq, String data) {
        for (EventSource.Emitter e : emitters) {
            try {
                e.data(data);
            } catch (IOException failed) {
                emitters.remove(e);
                e.close();
            }
        }
    }

    @Override
    public int connections() {
        return emitters.size();
    }
}
