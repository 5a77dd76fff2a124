package org.ssekit.jaxrs;

import jakarta.ws.rs.core.Application;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;

/**
 * An application on RESTEasy's Servlet 3 dispatcher, the one WildFly and Liberty map: a
 * deployment of the application instance (built-in providers first, then the application's),
 * which the dispatcher finds in the servlet context as if RESTEasy's bootstrap had made it.
 */
final class ResteasyDeployment {
    private ResteasyDeployment() {
    }

    static AutoCloseable deploy(Application app, ServletContextHandler context) {
        ResteasyDeploymentImpl deployment = new ResteasyDeploymentImpl();
        deployment.setApplication(app);
        deployment.start();
        context.setAttribute(org.jboss.resteasy.spi.ResteasyDeployment.class.getName(), deployment);
        JaxrsRuntime.map(new ServletHolder(new HttpServlet30Dispatcher()), context);
        return deployment::stop;
    }
}
