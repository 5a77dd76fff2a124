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

import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/**
 * The Jersey half of the feature: the provider that hands resources the ssekit sink, and the
 * listener that starts it. Only this class names Jersey's server types, so the feature still
 * loads (with the CORS filters alone) on a runtime without Jersey.
 */
public final class JerseyIntegration {
    private static final String PROBE = "org.glassfish.jersey.server.spi.internal.ValueParamProvider";

    private JerseyIntegration() {
    }

    /** True when Jersey's server runs the application being configured. */
    public static boolean runs(FeatureContext context) {
        // Jersey's configuration classes live in its packages; a Jersey client jar alone does not count.
        return context.getConfiguration().getClass().getName().startsWith("org.glassfish.jersey.") && isPresent();
    }

    private static boolean isPresent() {
        try {
            Class.forName(PROBE, false, JerseyIntegration.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static void register(FeatureContext context, SinkOpener opener) {
        // Jersey's own parameter SPI: the contract is server-only and outranks Jersey's SSE sink.
        context.register(SinkParamProvider.of(opener), ValueParamProvider.class);
        context.register(new SinkStarter());
    }
}
