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
package org.ssekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The fixture's request parsing under generated input. A publish body either becomes an event
 * the core accepts or is refused with an IllegalArgumentException (the endpoint's 400), never
 * another exception (a 500); a refused body's reason does not repeat the body. A query string
 * either yields a value or is refused the same way.
 */
class FixtureInputFuzzTest {

    @DictionaryEntries({"{", "}", "data", "event", "id", "retry", ":", ",", "ud800", "udc00", "u0000", "true", "null", "-1", "1e9", "%", "%zz", "%c3%a9", "&", "=", "channel"})
    @FuzzTest(maxDuration = "10m")
    void publishBody(FuzzedDataProvider data) {
        String body = data.consumeRemainingAsString();
        try {
            Fixture.Publish publish = Fixture.parsePublish(body);
            assertThat(publish.toEvent().data()).contains(publish.data());
        } catch (IllegalArgumentException refused) {
            String reason = refused.getMessage();
            assertThat(reason).isNotBlank();
            if (body.length() > 40) {
                assertThat(reason).as("the reason does not reflect the body").doesNotContain(body);
            }
        }
    }

    @DictionaryEntries({"{", "}", "data", "event", "id", "retry", ":", ",", "ud800", "udc00", "u0000", "true", "null", "-1", "1e9", "%", "%zz", "%c3%a9", "&", "=", "channel"})
    @FuzzTest(maxDuration = "10m")
    void publishQuery(FuzzedDataProvider data) {
        String name = data.consumeString(16);
        String query = data.consumeRemainingAsString();
        try {
            String value = Http.queryParam(query, name);
            if (value != null && !value.isEmpty()) {
                assertThat(query).as("a value comes from a name=value pair").contains("=");
            }
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isEqualTo("malformed percent-encoding in the query");
        }
    }
}
