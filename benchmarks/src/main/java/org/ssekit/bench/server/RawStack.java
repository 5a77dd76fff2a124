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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The ceiling of this stack: a minimal non-blocking servlet that writes the same pre-encoded
 * bytes ssekit sends ({@code id: N\ndata: ...\n\n}) with no features at all.
 */
final class RawStack implements ServerUnderTest {
    private static final byte[] HEARTBEAT = ":\n".getBytes(StandardCharsets.US_ASCII);
    private final Set<RawConnection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

    @Override
    public void install(ServletContextHandler context, Duration heartbeat) {
        ServletHolder holder = new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                open(req, resp);
            }
        });
        holder.setAsyncSupported(true);
        context.addServlet(holder, PATH);
        long millis = heartbeat.toMillis();
        heartbeats.scheduleAtFixedRate(() -> broadcast(HEARTBEAT), millis, millis, TimeUnit.MILLISECONDS);
    }

    private void open(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/event-stream");
        resp.setHeader("Cache-Control", "no-cache, no-transform");
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        RawConnection c = new RawConnection(async, resp.getOutputStream(), connections::remove);
        connections.add(c);
        c.start(HEARTBEAT);
    }

    @Override
    public void publish(long seq, String data) {
        broadcast(("id: " + seq + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private void broadcast(byte[] frame) {
        for (RawConnection c : connections) {
            c.send(frame);
        }
    }

    @Override
    public int connections() {
        return connections.size();
    }

    @Override
    public void stop() {
        heartbeats.shutdownNow();
    }
}
