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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.resteasy.core.providerfactory.ResteasyProviderFactoryImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ssekit.jaxrs.internal.ResteasyIntegration.Presence;

/** How the feature tells RESTEasy, and whether it can use RESTEasy's classes, from the runtime's configuration class. */
class ResteasyIntegrationTest {
    private static final ClassLoader OURS = ResteasyIntegration.class.getClassLoader();
    /** Sees the JDK only: a server that keeps its JAX-RS implementation from applications. */
    private static final ClassLoader HIDING = ClassLoader.getPlatformClassLoader();

    /** A server's own provider factory: RESTEasy's is its superclass. */
    static final class ServerProviderFactory extends ResteasyProviderFactoryImpl {
    }

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("RESTEasy's provider factory, visible", ResteasyProviderFactoryImpl.class, OURS, Presence.USABLE),
                Arguments.of("a server's subclass of it, visible", ServerProviderFactory.class, OURS, Presence.USABLE),
                Arguments.of("RESTEasy's provider factory, hidden", ResteasyProviderFactoryImpl.class, HIDING, Presence.HIDDEN),
                Arguments.of("a server's subclass of it, hidden", ServerProviderFactory.class, HIDING, Presence.HIDDEN),
                Arguments.of("Jersey's configuration", ResourceConfig.class, OURS, Presence.ABSENT),
                Arguments.of("any other class", Object.class, OURS, Presence.ABSENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void presence(String what, Class<?> configurationClass, ClassLoader loader, Presence expected) {
        assertThat(ResteasyIntegration.presence(configurationClass, loader)).isEqualTo(expected);
    }
}
