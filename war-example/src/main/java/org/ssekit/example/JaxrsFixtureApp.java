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
package org.ssekit.example;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.ssekit.jaxrs.SseKitFeature;

/**
 * The conformance fixture on the JAX-RS binding, at {@code /conformance/jaxrs}. Servers with
 * JAX-RS (WildFly, Payara, GlassFish, Open Liberty, or Jersey or RESTEasy added to Jetty or
 * Tomcat) find it through {@code @ApplicationPath}; nothing in web.xml names a JAX-RS servlet,
 * so the WAR deploys unchanged on servers without JAX-RS, where only the servlet half answers.
 *
 * <p>sse-jaxrs binds to Jersey and to RESTEasy. Where it cannot (another runtime, or a server
 * that hides RESTEasy from applications) the fixture answers 501 with the reason instead, and
 * the rest of the WAR still deploys.
 */
@ApplicationPath("/conformance/jaxrs")
public class JaxrsFixtureApp extends Application {
    private final Set<Object> singletons = create();

    private static Set<Object> create() {
        SseKitFeature sse = SseKitFeature.create(Fixture.CONFIG, Fixture.eventLog("conformance/jaxrs"));
        Fixture fixture = new Fixture(List.of("resume", "heartbeat", "cors", "terminate", "channels"),
                "conformance/jaxrs");
        return Set.of(sse, new JaxrsInactiveFilter(sse), new JaxrsFixtureResource(sse, fixture),
                new JaxrsTerminatedFilter(fixture));
    }

    @Override
    public Set<Object> getSingletons() {
        return singletons;
    }
}
