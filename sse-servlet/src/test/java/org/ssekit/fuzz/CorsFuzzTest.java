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

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ssekit.CorsPolicy;
import org.ssekit.internal.Cors;

/**
 * CORS-04, CORS-05 and BAD-02 under generated Origin, scheme and Host values: the decision never
 * throws; {@code null} and anything that is not an allowed origin up to ASCII case is never
 * ALLOWED, so nothing else is ever echoed in Access-Control-Allow-Origin.
 */
class CorsFuzzTest {
    private static final String ALLOWED = "https://app.ssekit.example";
    private static final CorsPolicy POLICY = CorsPolicy.builder().allowOrigin(ALLOWED).build();

    @DictionaryEntries({"https://app.ssekit.example", "HTTPS://APP.SSEKIT.EXAMPLE", "null", "://", ":443", ":80", "http://", "[::1]"})
    @FuzzTest(maxDuration = "10m")
    void originMatching(FuzzedDataProvider data) {
        String scheme = data.pickValue(new String[] {"http", "https", "HTTP", ""});
        String host = data.consumeBoolean() ? null : data.consumeString(128);
        String origin = data.consumeBoolean() ? null : data.consumeRemainingAsString();
        Cors.Outcome outcome = Cors.check(POLICY, origin, scheme, host);
        if (outcome == Cors.Outcome.ALLOWED) {
            assertThat(origin).as("an ALLOWED origin is echoed, so it must be the allowed one")
                    .isNotNull().isEqualToIgnoringCase(ALLOWED);
            assertThat(origin.chars().allMatch(c -> c < 0x80)).as("echoed origin [%s] is ASCII", origin).isTrue();
        }
        if ("null".equals(origin)) {
            assertThat(outcome).isEqualTo(Cors.Outcome.REFUSED);
        }
        if (origin != null && (origin.indexOf('\r') >= 0 || origin.indexOf('\n') >= 0)) {
            assertThat(outcome).isNotEqualTo(Cors.Outcome.ALLOWED);
        }
    }
}
