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
package org.ssekit.jaxrs.internal;

import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Providers;

/**
 * The RESTEasy half of the feature: finds whether RESTEasy runs the application and whether
 * its classes are the ones ssekit sees, and registers {@link ResteasySinkFilter}. Only these
 * two classes name RESTEasy's types, and this one only by name, so the feature still loads
 * on a runtime without RESTEasy, or where the runtime hides it from applications. Stateless;
 * safe from any thread.
 */
public final class ResteasyIntegration {
    private static final String PACKAGE = "org.jboss.resteasy.";

    /** What the feature finds of RESTEasy in the application being configured. */
    public enum Presence {
        /** Another runtime runs the application. */
        ABSENT,
        /** RESTEasy runs it, but ssekit's class loader sees none or other copies of its classes. */
        HIDDEN,
        /** RESTEasy runs it, and ssekit sees the very same classes. */
        USABLE
    }

    private ResteasyIntegration() {
    }

    public static Presence presence(FeatureContext context) {
        return presence(context.getConfiguration().getClass(), ResteasyIntegration.class.getClassLoader());
    }

    /**
     * RESTEasy's configuration is its provider factory: its class, or the first superclass, in
     * RESTEasy's packages tells whether RESTEasy runs; loading that class by name through
     * {@code loader} tells whether code there can use RESTEasy's own classes.
     */
    static Presence presence(Class<?> configurationClass, ClassLoader loader) {
        Class<?> runtimeClass = configurationClass;
        while (runtimeClass != null && !runtimeClass.getName().startsWith(PACKAGE)) {
            runtimeClass = runtimeClass.getSuperclass();
        }
        if (runtimeClass == null) {
            return Presence.ABSENT;
        }
        return sameClass(runtimeClass, loader) ? Presence.USABLE : Presence.HIDDEN;
    }

    private static boolean sameClass(Class<?> runtimeClass, ClassLoader loader) {
        try {
            return Class.forName(runtimeClass.getName(), false, loader) == runtimeClass;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Registers the sink filter. RESTEasy injects a request-bound proxy for {@code @Context
     * Providers}, so event conversion gets the application's provider factory, which RESTEasy
     * hands features as their configuration, instead.
     */
    public static void register(FeatureContext context, SinkOpener opener, PreflightFilter preflight) {
        if (context.getConfiguration() instanceof Providers factory) {
            preflight.useProviders(factory);
        }
        context.register(new ResteasySinkFilter(opener));
    }
}
