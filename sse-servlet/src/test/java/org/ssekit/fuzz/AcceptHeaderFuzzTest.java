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

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ssekit.internal.AcceptHeader;

/**
 * HDR-08 under generated input: Accept negotiation never throws, whatever the header values;
 * the verdict does not depend on how a list is split across field lines (RFC 9110 5.3); and a
 * request that adds a plain {@code text/event-stream} line to headers that named no event-stream
 * range at all is accepted.
 */
class AcceptHeaderFuzzTest {

    @DictionaryEntries({"text/event-stream", "text/*", "*/*", ";q=0", ";q=0.5", ";Q=1", "q=", ",", "application/json", "Infinity", "NaN", "1e3", "-0"})
    @FuzzTest(maxDuration = "10m")
    void acceptNegotiation(FuzzedDataProvider data) {
        String first = data.consumeString(512);
        String second = data.consumeRemainingAsString();
        boolean joined = AcceptHeader.acceptsEventStream(List.of(first + "," + second));
        boolean split = AcceptHeader.acceptsEventStream(List.of(first, second));
        assertThat(split).as("one line or two: [%s] [%s]", first, second).isEqualTo(joined);

        String all = (first + "," + second).toLowerCase(java.util.Locale.ROOT);
        if (!all.contains("text/event-stream") && !all.contains("text/*") && !all.contains("*")) {
            assertThat(AcceptHeader.acceptsEventStream(List.of(first, "text/event-stream"))).isTrue();
        }
    }
}
