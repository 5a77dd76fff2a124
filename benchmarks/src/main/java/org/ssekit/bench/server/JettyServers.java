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
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The one embedded Jetty set-up every stack runs on, so they differ only in their own code. */
final class JettyServers {
    static final int MAX_THREADS = 200;
    static final int MIN_THREADS = 8;
    static final int ACCEPT_QUEUE = 4096;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private JettyServers() {
    }

    /** Starts Jetty on 127.0.0.1, an ephemeral port, with the stack's endpoint installed. */
    static Server start(ServerUnderTest stack, Duration heartbeat) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("jetty");
        Server server = new Server(threads);
        // HTTP/1.1 and h2c (prior knowledge) on one port: the h2 scenario's streams share connections.
        HttpConfiguration http = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http),
                new HTTP2CServerConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        stack.install(context, heartbeat);
        server.setHandler(context);
        server.setStopTimeout(1000);
        server.start();
        return server;
    }

    static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
