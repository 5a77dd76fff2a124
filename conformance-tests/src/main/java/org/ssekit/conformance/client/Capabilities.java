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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a fixture declares at {@code GET B/capabilities}. A node of a cluster declares, for
 * example, {@code "profiles": ["resume", "cluster"], "peers": ["http://10.0.0.12:8080/fx"]}.
 * Immutable and thread-safe.
 *
 * @param profiles          declared profiles: {@code resume}, {@code heartbeat}, {@code cors},
 *                          {@code terminate}, {@code channels}, {@code cluster}
 * @param heartbeatMillis   the heartbeat interval, or 0 when not declared
 * @param retryMillis       the retry the server sends, or 0 when not declared
 * @param corsAllowedOrigin an origin the server allows, if declared
 * @param replayCapacity    how many events the log replays, or 0 when not declared
 * @param resetEvent        the event type sent on an unknown or expired id, if declared
 * @param lastEventIdParam  the query parameter accepted instead of the header, if declared
 * @param peers             with profile {@code cluster}: the fixture base URLs of the other nodes
 *                          of the cluster, as declared (the cluster cases check them); empty
 *                          when not declared
 */
public record Capabilities(Set<String> profiles, long heartbeatMillis, long retryMillis,
                           Optional<String> corsAllowedOrigin, long replayCapacity,
                           Optional<String> resetEvent, Optional<String> lastEventIdParam,
                           List<String> peers) {
    /** Copies the profiles and peers. */
    public Capabilities {
        profiles = Set.copyOf(profiles);
        peers = List.copyOf(peers);
    }

    /** Reads the capabilities document; unknown members are ignored. */
    public static Capabilities fromJson(Map<String, Object> json) {
        Object declared = json.get("profiles");
        Set<String> profiles = declared instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.toSet())
                : Set.of();
        return new Capabilities(profiles, number(json, "heartbeatMillis"), number(json, "retryMillis"),
                text(json, "corsAllowedOrigin"), number(json, "replayCapacity"),
                text(json, "resetEvent"), text(json, "lastEventIdParam"), strings(json, "peers"));
    }

    /** Whether the profile is declared. */
    public boolean declares(String profile) {
        return profiles.contains(profile);
    }

    private static long number(Map<String, Object> json, String name) {
        return json.get(name) instanceof BigDecimal value ? value.longValue() : 0;
    }

    /** The members of a JSON array, each as text (a non-string member is kept as its JSON text, so a check can name it). */
    private static List<String> strings(Map<String, Object> json, String name) {
        return json.get(name) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static Optional<String> text(Map<String, Object> json, String name) {
        return json.get(name) instanceof String value && !value.isEmpty() ? Optional.of(value) : Optional.empty();
    }
}
