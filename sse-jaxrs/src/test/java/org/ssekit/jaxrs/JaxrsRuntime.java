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
