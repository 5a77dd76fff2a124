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
package org.ssekit.conformance.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssekit.conformance.internal.Json;

/** The cluster profile's members of {@code GET B/capabilities}: {@code profiles} with {@code cluster}, and {@code peers}. */
class CapabilitiesTest {

    @Test
    void clusterNodeDeclaresProfileAndPeers() {
        Capabilities capabilities = Capabilities.fromJson(Json.parseObject(
                "{\"profiles\": [\"resume\", \"cluster\"], \"peers\": [\"http://10.0.0.2:8080/fx\", \"http://10.0.0.3:8080/fx\"]}"));
        assertThat(capabilities.declares("cluster")).isTrue();
        assertThat(capabilities.peers()).containsExactly("http://10.0.0.2:8080/fx", "http://10.0.0.3:8080/fx");
    }

    @Test
    void peersAreEmptyWhenAbsentOrNotAnArray() {
        assertThat(Capabilities.fromJson(Json.parseObject("{\"profiles\": [\"resume\"]}")).peers()).isEmpty();
        assertThat(Capabilities.fromJson(Json.parseObject("{\"peers\": \"http://a/fx\"}")).peers()).isEmpty();
    }

    @Test
    void aNonStringPeerIsKeptAsTextSoTheCheckCanNameIt() {
        assertThat(Capabilities.fromJson(Json.parseObject("{\"peers\": [42, \"http://a/fx\"]}")).peers())
                .containsExactly("42", "http://a/fx");
    }

    @Test
    void peersAreCopied() {
        List<String> peers = new java.util.ArrayList<>(List.of("http://a/fx"));
        Capabilities capabilities = new Capabilities(java.util.Set.of("cluster"), 0, 0, java.util.Optional.empty(), 0,
                java.util.Optional.empty(), java.util.Optional.empty(), peers);
        peers.add("http://b/fx");
        assertThat(capabilities.peers()).containsExactly("http://a/fx");
    }
}
