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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;

import org.junit.jupiter.api.Test;
import org.ssekit.SseConfig;
import org.ssekit.jaxrs.internal.EventStreamFilter;
import org.ssekit.jaxrs.internal.PreflightFilter;

/** How the feature configures runtimes other than a Jersey server, and how resources find it. */
class SseKitFeatureTest {

    /** A FeatureContext of a runtime that is not Jersey, recording what is registered. */
    private static FeatureContext foreignContext(RuntimeType type, List<Object> registered, Set<Object> instances) {
        Configuration configuration = (Configuration) Proxy.newProxyInstance(SseKitFeatureTest.class.getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRuntimeType" -> type;
                    case "getInstances" -> instances;
                    default -> null;
                });
        return (FeatureContext) Proxy.newProxyInstance(SseKitFeatureTest.class.getClassLoader(),
                new Class<?>[] {FeatureContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConfiguration")) {
                        return configuration;
                    }
                    if (method.getName().equals("register")) {
                        registered.add(args[0]);
                    }
                    return proxy;
                });
    }

    @Test
    void onAServerThatIsNotJerseyOnlyTheCorsFiltersAreRegistered() {
        List<Object> registered = new ArrayList<>();
        try (SseKitFeature feature = SseKitFeature.create(SseConfig.defaults())) {
            assertThat(feature.configure(foreignContext(RuntimeType.SERVER, registered, Set.of()))).isTrue();
            assertThat(feature.isActive()).as("resources keep the runtime's sink").isFalse();
        }
        assertThat(registered).hasSize(2)
                .anyMatch(PreflightFilter.class::isInstance)
                .anyMatch(EventStreamFilter.class::isInstance);
    }

    @Test
    void aClientConfigurationIsLeftAlone() {
        List<Object> registered = new ArrayList<>();
        try (SseKitFeature feature = SseKitFeature.create(SseConfig.defaults())) {
            assertThat(feature.configure(foreignContext(RuntimeType.CLIENT, registered, Set.of()))).isFalse();
        }
        assertThat(registered).isEmpty();
    }

    @Test
    void resourcesFindTheRegisteredFeatureInTheirConfiguration() {
        try (SseKitFeature feature = SseKitFeature.create(SseConfig.defaults())) {
            Configuration withFeature = foreignContext(RuntimeType.SERVER, new ArrayList<>(), Set.of("other", feature))
                    .getConfiguration();
            assertThat(SseKitFeature.from(withFeature)).isSameAs(feature);
        }
        Configuration without = foreignContext(RuntimeType.SERVER, new ArrayList<>(), Set.of()).getConfiguration();
        assertThatThrownBy(() -> SseKitFeature.from(without))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no SseKitFeature");
    }
}
