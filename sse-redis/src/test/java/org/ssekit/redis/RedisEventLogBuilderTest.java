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

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad settings are refused at once, with the setting's name. */
class RedisEventLogBuilderTest {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("uri", (Consumer<RedisEventLog.Builder>) b -> b.uri("http://not-redis")),
                Arguments.of("uri", (Consumer<RedisEventLog.Builder>) b -> b.uri("redis://")),
                Arguments.of("keyPrefix", (Consumer<RedisEventLog.Builder>) b -> b.keyPrefix("")),
                Arguments.of("keyPrefix", (Consumer<RedisEventLog.Builder>) b -> b.keyPrefix("a{b")),
                Arguments.of("stream", (Consumer<RedisEventLog.Builder>) b -> b.stream("has space")),
                Arguments.of("stream", (Consumer<RedisEventLog.Builder>) b -> b.stream("x}")),
                Arguments.of("stream", (Consumer<RedisEventLog.Builder>) b -> b.stream("x".repeat(101))),
                Arguments.of("maxLength", (Consumer<RedisEventLog.Builder>) b -> b.maxLength(-1)),
                Arguments.of("maxAge", (Consumer<RedisEventLog.Builder>) b -> b.maxAge(Duration.ofSeconds(-1))),
                Arguments.of("durableReplicas", (Consumer<RedisEventLog.Builder>) b -> b.durableReplicas(-1)),
                Arguments.of("durableTimeout", (Consumer<RedisEventLog.Builder>) b -> b.durableTimeout(Duration.ZERO)),
                Arguments.of("maxScan", (Consumer<RedisEventLog.Builder>) b -> b.maxScan(0)),
                Arguments.of("publishTimeout", (Consumer<RedisEventLog.Builder>) b -> b.publishTimeout(Duration.ZERO)),
                Arguments.of("blockTime", (Consumer<RedisEventLog.Builder>) b -> b.blockTime(Duration.ofMillis(-5))),
                Arguments.of("maxBackoff", (Consumer<RedisEventLog.Builder>) b -> b.maxBackoff(Duration.ZERO)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void aBadSettingIsRefusedByName(String name, Consumer<RedisEventLog.Builder> setting) {
        assertThatThrownBy(() -> setting.accept(RedisEventLog.builder().uri("redis://localhost")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }

    @Test
    void theUriIsRequired() {
        assertThatThrownBy(() -> RedisEventLog.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uri is required");
    }

    @Test
    void theDurableTimeoutMustBeShorterThanThePublishTimeout() {
        assertThatThrownBy(() -> RedisEventLog.builder().uri("redis://localhost").durableReplicas(1)
                .durableTimeout(Duration.ofSeconds(5)).publishTimeout(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durableTimeout")
                .hasMessageContaining("publishTimeout");
    }
}
