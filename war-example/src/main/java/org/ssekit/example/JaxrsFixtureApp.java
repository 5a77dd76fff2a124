package org.ssekit.example;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.ssekit.jaxrs.SseKitFeature;

/**
 * The conformance fixture on the JAX-RS binding, at {@code /conformance/jaxrs}. Servers with
 * JAX-RS (WildFly, Payara, GlassFish, Open Liberty, or Jersey added to Jetty or Tomcat) find
 * it through {@code @ApplicationPath}; nothing in web.xml names a JAX-RS servlet, so the WAR
 * deploys unchanged on servers without JAX-RS, where only the servlet half answers.
 *
 * <p>sse-jaxrs plugs into Jersey; on another JAX-RS runtime (RESTEasy on WildFly and Liberty)
 * the fixture answers 501 with the reason instead, so the rest of the WAR still deploys.
 */
@ApplicationPath("/conformance/jaxrs")
public class JaxrsFixtureApp extends Application {
    private static final String JERSEY_SPI = "org.glassfish.jersey.server.spi.internal.ValueParamProvider";

    private final Set<Object> singletons = onJersey() ? Parts.create() : Set.of(new JaxrsUnavailableResource());

    private static boolean onJersey() {
        try {
            Class.forName(JERSEY_SPI, false, JaxrsFixtureApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public Set<Object> getSingletons() {
        return singletons;
    }

    /** Kept apart so that nothing loads the Jersey-bound classes unless Jersey is there. */
    private static final class Parts {
        static Set<Object> create() {
            SseKitFeature sse = SseKitFeature.create(Fixture.CONFIG, Fixture.eventLog());
            Fixture fixture = new Fixture(List.of("resume", "heartbeat", "cors", "terminate", "channels"));
            return Set.of(sse, new JaxrsFixtureResource(sse, fixture), new JaxrsTerminatedFilter(fixture));
        }
    }
}
