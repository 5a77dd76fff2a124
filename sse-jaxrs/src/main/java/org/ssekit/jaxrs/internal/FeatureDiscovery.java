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
