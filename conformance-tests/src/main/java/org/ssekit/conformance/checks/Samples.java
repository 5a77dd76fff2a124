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
package org.ssekit.conformance.checks;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ssekit.conformance.client.HttpExchange;

/** Ways to obtain a representative stream body for the wire-level checks. */
final class Samples {
    /** Payloads that exercise line splitting, leading spaces and non-ASCII text. */
    static final List<String> VARIED = List.of("plain", "two\nlines", "crlf\r\npair", "lone\rcr", " leading space",
            "unicode \u00e9 \u2713 \ud83d\ude00", "");

    private Samples() {
    }

    /**
     * A stream with something in it. With the fixture: a fresh channel with {@link #VARIED}
     * payloads and a named event published, read until quiet. Without: the bare URL read
     * until it has sent something and gone quiet, or a few seconds passed.
     */
    static HttpExchange varied(Probe probe) throws IOException {
        if (!probe.target().hasFixture()) {
            HttpExchange exchange = probe.stream("");
            exchange.await(e -> e.body().length > 0, Duration.ofSeconds(3));
            exchange.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(3));
            return exchange;
        }
        String channel = probe.channel();
        HttpExchange exchange = probe.stream(channel);
        for (String payload : VARIED) {
            probe.fixture().publish(channel, Map.of("data", payload), probe.log());
        }
        probe.fixture().publish(channel, Map.of("data", "named", "event", "custom"), probe.log());
        String marker = "end-of-sample";
        probe.publish(channel, marker);
        exchange.awaitData(marker, Probe.EVENT_TIMEOUT);
        exchange.awaitQuiet(Probe.QUIET, Duration.ofSeconds(2));
        return exchange;
    }
}
