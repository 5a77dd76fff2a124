package org.ssekit.jaxrs;

import java.net.URI;

import jakarta.ws.rs.core.Application;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** Jersey's servlet in embedded Jetty 12 (ee10) on a free port of 127.0.0.1. */
final class JerseyJetty implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    private JerseyJetty(Application app) {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder jersey = new ServletHolder(new ServletContainer(ResourceConfig.forApplication(app)));
        jersey.setAsyncSupported(true);
        jersey.setInitOrder(1);
        context.addServlet(jersey, "/*");
        server.setHandler(context);
        server.setStopTimeout(0);
    }

    static JerseyJetty start(Application app) throws Exception {
        JerseyJetty jetty = new JerseyJetty(app);
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
    }
}
