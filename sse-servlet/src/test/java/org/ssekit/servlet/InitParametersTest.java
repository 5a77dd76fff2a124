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
package org.ssekit.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssekit.SseConfig;

/** Init-params map onto SseConfig; a bad one is named in the error. */
class InitParametersTest {

    @Test
    void mapsEveryParameter() {
        Map<String, String> params = Map.ofEntries(
                Map.entry("heartbeatMillis", "1000"),
                Map.entry("retryMillis", " 3000 "),
                Map.entry("retryJitterMillis", "500"),
                Map.entry("maxQueuedEvents", "10"),
                Map.entry("maxQueuedBytes", "4096"),
                Map.entry("overflow", "fail-send"),
                Map.entry("maxConnections", "7"),
                Map.entry("lastEventIdParam", "lid"),
                Map.entry("resetEvent", "reload"),
                Map.entry("corsAllowedOrigins", "https://a.example, http://b.example:8080"),
                Map.entry("corsAllowCredentials", "true"),
                Map.entry("writeStallTimeoutMillis", "9000"),
                Map.entry("blockingWrites", "true"),
                Map.entry("doubleFirstFlush", "false"));
        SseConfig c = InitParameters.config(params::get);
        assertThat(c.heartbeat()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.retry()).contains(Duration.ofSeconds(3));
        assertThat(c.retryJitter()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.maxQueuedEvents()).isEqualTo(10);
        assertThat(c.maxQueuedBytes()).isEqualTo(4096);
        assertThat(c.overflow()).isEqualTo(SseConfig.Overflow.FAIL_SEND);
        assertThat(c.maxConnections()).isEqualTo(7);
        assertThat(c.lastEventIdParam()).isEqualTo("lid");
        assertThat(c.resetEvent()).isEqualTo("reload");
        assertThat(c.cors().allowedOrigins()).containsExactlyInAnyOrder("https://a.example", "http://b.example:8080");
        assertThat(c.cors().allowCredentials()).isTrue();
        assertThat(c.writeStallTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(c.blockingWrites()).contains(true);
        assertThat(c.doubleFirstFlush()).contains(false);
    }

    @Test
    void quirksAreDetectedUnlessSetAndAutoMeansDetect() {
        SseConfig c = InitParameters.config(Map.of("blockingWrites", "auto")::get);
        assertThat(c.blockingWrites()).isEmpty();
        assertThat(c.doubleFirstFlush()).isEmpty();
    }

    @Test
    void rty03JitterIsOnByDefaultWhenARetryIsSent() {
        assertThat(InitParameters.config(Map.of("retryMillis", "3000")::get).retryJitter())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(InitParameters.config(Map.of("retryMillis", "3000", "retryJitterMillis", "0")::get).retryJitter())
                .isZero();
        assertThat(InitParameters.config(name -> null).retryJitter()).isZero();
    }

    @Test
    void absentParametersKeepTheDefaults() {
        SseConfig c = InitParameters.config(name -> null);
        assertThat(c.heartbeat()).isEqualTo(SseConfig.defaults().heartbeat());
        assertThat(c.retry()).isEmpty();
        assertThat(c.cors().allowedOrigins()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} is refused naming {0}")
    @CsvSource(delimiter = '|', value = {
        "heartbeatMillis | soon",
        "heartbeatMillis | -1",
        "retryMillis | 1.5",
        "maxQueuedEvents | 0",
        "maxQueuedEvents | 99999999999",
        "maxQueuedBytes | lots",
        "maxConnections | 0",
        "overflow | drop",
        "blockingWrites | maybe",
        "writeStallTimeoutMillis | -5",
        "writerExecutor | java:comp/env/no-such-executor",
        "resetEvent | ' '",
        "corsAllowedOrigins | example.com",
        "corsAllowedOrigins | *",
    })
    void badValuesNameTheParameter(String name, String value) {
        assertThatThrownBy(() -> InitParameters.config(Map.of(name, value)::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @Test
    void corsCredentialsMustBeABoolean() {
        Map<String, String> params = Map.of("corsAllowedOrigins", "https://a.example", "corsAllowCredentials", "yes");
        assertThatThrownBy(() -> InitParameters.config(params::get))
                .hasMessageContaining("corsAllowCredentials");
    }
}
