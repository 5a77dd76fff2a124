package org.ssekit.jaxrs;

import java.util.Locale;

import jakarta.ws.rs.core.Application;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The JAX-RS runtimes the ITs run on. The build runs every IT once per runtime, each time on a
 * test class path that holds that runtime alone, as a server would: {@code -Dssekit.it.runtime=
 * jersey} (the default) or {@code resteasy}.
 */
enum JaxrsRuntime {
    JERSEY,
    RESTEASY;

    static final String PROPERTY = "ssekit.it.runtime";

    static JaxrsRuntime current() {
        return valueOf(System.getProperty(PROPERTY, "jersey").trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Serves {@code app} at {@code /*} of {@code context} through this runtime's servlet, with
     * async support; returns what to close once the server has stopped.
     */
    AutoCloseable deploy(Application app, ServletContextHandler context) {
        return switch (this) {
            case JERSEY -> JerseyDeployment.deploy(app, context);
            case RESTEASY -> ResteasyDeployment.deploy(app, context);
        };
    }

    static void map(ServletHolder servlet, ServletContextHandler context) {
        servlet.setAsyncSupported(true);
        servlet.setInitOrder(1);
        context.addServlet(servlet, "/*");
    }
}
