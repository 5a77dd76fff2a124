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
package org.ssekit.it;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 on a free port of 127.0.0.1, speaking HTTP/1.1 and h2c on the same port. */
final class TestServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector;
    private final ServletContextHandler context = new ServletContextHandler("/");

    TestServer() {
        HttpConfiguration http = new HttpConfiguration();
        connector = new ServerConnector(server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        context.getServletHandler().setStartWithUnavailable(false);
        server.setHandler(context);
        server.setStopTimeout(0);
    }

    TestServer servlet(String path, Servlet servlet, Map<String, String> initParams) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        holder.setInitOrder(1);
        holder.setInitParameters(initParams);
        context.addServlet(holder, path);
        return this;
    }

    TestServer filter(String path, Filter filter, Map<String, String> initParams) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setName("sse");
        holder.setAsyncSupported(true);
        holder.setInitParameters(initParams);
        context.addFilter(holder, path, EnumSet.of(DispatcherType.REQUEST));
        return this;
    }

    /** Puts a core handler (such as a {@link HeaderRecorder}) in front of the servlet context. */
    TestServer wrap(org.eclipse.jetty.server.Handler.Wrapper wrapper) {
        wrapper.setHandler(context);
        server.setHandler(wrapper);
        return this;
    }

    TestServer start() throws Exception {
        server.start();
        return this;
    }

    ServletContextHandler context() {
        return context;
    }

    int port() {
        return connector.getLocalPort();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    void stop() throws Exception {
        server.stop();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
