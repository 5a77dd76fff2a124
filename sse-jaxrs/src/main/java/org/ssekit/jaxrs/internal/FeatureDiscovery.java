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

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.ssekit.SseConfig;
import org.ssekit.servlet.InitParameters;
import org.ssekit.jaxrs.SseKitFeature;

/**
 * Jersey auto-discovery: registers an {@link SseKitFeature}, configured from the {@code ssekit.*}
 * application properties ({@code ssekit.heartbeatMillis}, {@code ssekit.corsAllowedOrigins},
 * ...; the names of {@link InitParameters}), in a server application that registered
 * none itself. {@code ssekit.autoDiscovery=false} turns it off, as do Jersey's own switches.
 */
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class FeatureDiscovery implements AutoDiscoverable {
    static final String PREFIX = "ssekit.";

    @Override
    public void configure(FeatureContext context) {
        Configuration configuration = context.getConfiguration();
        if (configuration.getRuntimeType() != RuntimeType.SERVER
                || "false".equalsIgnoreCase(property(configuration, "autoDiscovery"))
                || configuration.isRegistered(SseKitFeature.class)) {
            return;
        }
        Map<String, Object> properties = configuration.getProperties();
        try {
            context.register(SseKitFeature.create(
                    InitParameters.apply(SseConfig.builder(), name -> property(configuration, name)).build(), properties));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad " + PREFIX + "* application property: " + e.getMessage(), e);
        }
    }

    private static String property(Configuration configuration, String name) {
        Object value = configuration.getProperty(PREFIX + name);
        return value == null ? null : value.toString();
    }
}
