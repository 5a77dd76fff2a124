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
package org.ssekit.jaxrs;

import java.net.URI;

import jakarta.ws.rs.core.Application;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The JAX-RS runtime under test ({@link JaxrsRuntime#current()}) in embedded Jetty 12 (ee10) on a free port of 127.0.0.1. */
final class JaxrsJetty implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final AutoCloseable deployment;

    private JaxrsJetty(Application app) {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        deployment = JaxrsRuntime.current().deploy(app, context);
        server.setHandler(context);
        server.setStopTimeout(0);
    }

    static JaxrsJetty start(Application app) throws Exception {
        JaxrsJetty jetty = new JaxrsJetty(app);
        jetty.server.start();
        return jetty;
    }

    int port() {
        return connector.getLocalPort();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        server.stop();
        deployment.close();
    }
}
