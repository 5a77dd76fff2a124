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
package org.ssekit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ssekit.SseConfig;
import org.ssekit.servlet.InitParameters;

/**
 * Init-param parsing under generated values, through the public entry
 * ({@link InitParameters#apply}): any set of values either builds a configuration or
 * fails with an IllegalArgumentException that names the parameter or setting, never another
 * exception (a deployment error must say what to fix).
 */
class InitParamsFuzzTest {
    private static final List<String> NAMES = List.of(InitParameters.HEARTBEAT_MILLIS, InitParameters.RETRY_MILLIS,
            InitParameters.RETRY_JITTER_MILLIS, InitParameters.MAX_QUEUED_EVENTS, InitParameters.MAX_QUEUED_BYTES,
            InitParameters.OVERFLOW, InitParameters.MAX_CONNECTIONS, InitParameters.LAST_EVENT_ID_PARAM,
            InitParameters.RESET_EVENT, InitParameters.CORS_ALLOWED_ORIGINS, InitParameters.CORS_ALLOW_CREDENTIALS,
            InitParameters.WRITE_STALL_TIMEOUT_MILLIS, InitParameters.BLOCKING_WRITES,
            InitParameters.DOUBLE_FIRST_FLUSH);
    /** What build() names instead of the init-param (the setting it maps to). */
    private static final List<String> SETTINGS = List.of("heartbeat", "retry", "retryJitter", "maxQueuedEvents",
            "maxQueuedBytes", "maxConnections", "lastEventIdParam", "resetEvent", "cors", "origin",
            "writeStallTimeout");

    @DictionaryEntries({"-1", "0", "9223372036854775807", "9223372036854775808", "true", "false", "disconnect", "fail-send", "*", "null", "https://a.example", ","})
    @FuzzTest(maxDuration = "10m")
    void initParams(FuzzedDataProvider data) {
        Map<String, String> params = new HashMap<>();
        int count = data.consumeInt(0, NAMES.size());
        for (int i = 0; i < count; i++) {
            params.put(data.pickValue(NAMES), data.consumeString(64));
        }
        try {
            SseConfig config = InitParameters.apply(SseConfig.builder(), params::get).build();
            assertThat(config).isNotNull();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            boolean named = params.keySet().stream().anyMatch(message::contains)
                    || SETTINGS.stream().anyMatch(message::startsWith);
            assertThat(named).as("the message names what to fix: %s (params %s)", message, params).isTrue();
        }
    }
}
