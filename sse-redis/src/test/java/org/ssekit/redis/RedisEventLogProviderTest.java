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
package org.ssekit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssekit.EventLog;
import org.ssekit.EventLogProvider;

/** The Redis log by configuration alone: found through ServiceLoader when ssekit.redis.uri is set. */
class RedisEventLogProviderTest {

    @Test
    void withoutAUriNoProviderMakesALog() {
        assertThat(EventLogProvider.find("news", Map.<String, String>of()::get)).isEmpty();
        assertThat(EventLogProvider.find("news", Map.of("ssekit.redis.uri", " ")::get)).isEmpty();
    }

    @Test
    void aUriGivesARedisLogWhoseStreamIsTheBroadcastersName() {
        Optional<EventLog> log = EventLogProvider.find("news", Map.of("ssekit.redis.uri", "redis://127.0.0.1:1")::get);
        assertThat(log).containsInstanceOf(RedisEventLog.class);
        try (EventLog l = log.orElseThrow()) {
            assertThat(((RedisEventLog) l).streamKey()).isEqualTo("{ssekit:news}:log");
        }
    }

    @Test
    void everyPropertyIsApplied() {
        Map<String, String> p = Map.of("ssekit.redis.uri", "redis://127.0.0.1:1", "ssekit.redis.keyPrefix", "app",
                "ssekit.redis.stream", "orders", "ssekit.redis.maxLength", "500", "ssekit.redis.maxAgeMillis", "60000",
                "ssekit.redis.durableReplicas", "1", "ssekit.redis.durableTimeoutMillis", "200",
                "ssekit.redis.maxScan", "50", "ssekit.redis.publishTimeoutMillis", "1000", "ssekit.redis.cluster", "true");
        try (EventLog l = EventLogProvider.find("news", p::get).orElseThrow()) {
            assertThat(((RedisEventLog) l).streamKey()).isEqualTo("{app:orders}:log");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ssekit.redis.uri, http://nope",
        "ssekit.redis.maxLength, lots",
        "ssekit.redis.maxLength, -1",
        "ssekit.redis.maxAgeMillis, -5",
        "ssekit.redis.durableReplicas, 99999999999",
        "ssekit.redis.maxScan, 0",
        "ssekit.redis.publishTimeoutMillis, 0",
        "ssekit.redis.stream, a b",
        "ssekit.redis.keyPrefix, {x}",
        "ssekit.redis.cluster, yes",
    })
    void aBadValueIsRefusedNamingTheProperty(String property, String value) {
        Map<String, String> p = new java.util.HashMap<>(Map.of("ssekit.redis.uri", "redis://127.0.0.1:1"));
        p.put(property, value);
        assertThatThrownBy(() -> EventLogProvider.find("news", p::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(property);
    }
}
