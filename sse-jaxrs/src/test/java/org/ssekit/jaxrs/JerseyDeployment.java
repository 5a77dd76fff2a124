package org.ssekit.jaxrs;

import jakarta.ws.rs.core.Application;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** An application on Jersey's servlet. */
final class JerseyDeployment {
    private JerseyDeployment() {
    }

    static AutoCloseable deploy(Application app, ServletContextHandler context) {
        JaxrsRuntime.map(new ServletHolder(new ServletContainer(ResourceConfig.forApplication(app))), context);
        return () -> { };
    }
}
