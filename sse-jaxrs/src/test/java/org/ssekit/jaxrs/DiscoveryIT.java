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

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.SseEventSink;

import org.junit.jupiter.api.Test;

/**
 * An application that registers nothing: Jersey discovers the feature and configures it from
 * ssekit.* properties. Jersey's alone (the pom keeps it out of the RESTEasy run).
 */
class DiscoveryIT {

    /** Registers only its resource; the ssekit settings are plain application properties. */
    public static final class PlainApp extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(TickResource.class);
        }

        @Override
        public Map<String, Object> getProperties() {
            return Map.of("ssekit.heartbeatMillis", "200", "ssekit.retryMillis", "1500");
        }
    }

    @Path("ticks")
    public static final class TickResource {
        @Context
        private Configuration configuration;

        @GET
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void ticks(@Context SseEventSink sink) {
            SseKitFeature.from(configuration).newBroadcaster("ticks").register(sink);
        }
    }

    @Test
    void theDiscoveredFeatureServesTheSinkWithTheConfiguredRetryAndHeartbeat() throws Exception {
        try (JaxrsJetty jetty = JaxrsJetty.start(new PlainApp());
                EventClient client = EventClient.get(jetty.uri("/ticks"))) {
            assertThat(client.status()).isEqualTo(200);
            // The configured 1500 ms plus this connection's jitter (by default up to half of it).
            assertThat(client.nextLine(EventClient.WAIT)).matches("retry: \\d+")
                    .satisfies(line -> assertThat(Long.parseLong(line.substring(7))).isBetween(1500L, 2250L));
            assertThat(client.nextLine(EventClient.WAIT)).isEmpty();
            assertThat(client.nextLine(Duration.ofSeconds(2))).isEqualTo(":");
        }
    }
}
