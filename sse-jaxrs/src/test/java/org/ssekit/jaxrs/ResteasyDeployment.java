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
