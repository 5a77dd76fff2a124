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
 */
@ApplicationPath("/conformance/jaxrs")
public class JaxrsFixtureApp extends Application {
    private final SseKitFeature sse = SseKitFeature.create(Fixture.CONFIG, Fixture.eventLog());
    private final Fixture fixture = new Fixture(List.of("resume", "heartbeat", "cors", "terminate", "channels"));

    @Override
    public Set<Object> getSingletons() {
        return Set.of(sse, new JaxrsFixtureResource(sse, fixture), new JaxrsTerminatedFilter(fixture));
    }
}
