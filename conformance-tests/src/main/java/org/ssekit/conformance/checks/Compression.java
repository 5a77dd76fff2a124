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
import java.util.Optional;
import org.ssekit.conformance.client.HttpExchange;

/** CMP: content codings on a stream. */
final class Compression extends AreaCheck {

    Compression() {
        define("CMP-01", this::onlyOfferedCodings);
        define("CMP-02", this::noCompressionByDefault);
    }

    private static boolean encoded(Optional<String> coding) {
        return coding.isPresent() && !coding.get().isBlank() && !coding.get().equalsIgnoreCase("identity");
    }

    private Outcome onlyOfferedCodings(Probe probe) throws IOException {
        HttpExchange exchange = probe.open(probe.streamRequest(probe.channel()).header("Accept-Encoding", "identity"));
        Optional<String> coding = exchange.head().first("Content-Encoding");
        String expected = "no Content-Encoding for Accept-Encoding: identity";
        return encoded(coding) ? probe.violation(expected, "Content-Encoding: " + coding.get())
                : probe.ok(expected, coding.map(c -> "Content-Encoding: " + c).orElse("no Content-Encoding"));
    }

    private Outcome noCompressionByDefault(Probe probe) throws IOException {
        String channel = probe.channel();
        HttpExchange exchange = probe.open(probe.streamRequest(channel).header("Accept-Encoding", "gzip, deflate, br"));
        Optional<String> coding = exchange.head().first("Content-Encoding");
        String expected = "no compression; or, if compressed, each event flushed at once";
        if (!encoded(coding)) {
            return probe.ok(expected, "not compressed although gzip was offered");
        }
        if (!probe.target().hasFixture()) {
            return probe.violation(expected, "Content-Encoding: " + coding.get() + " by default");
        }
        exchange.awaitQuiet(Probe.QUIET, Probe.QUIET.multipliedBy(3));
        int before = exchange.body().length;
        probe.publish(channel, "compressed-" + channel);
        boolean flushed = exchange.await(e -> e.body().length > before, Probe.QUIET.multipliedBy(3));
        String actual = "Content-Encoding: " + coding.get() + (flushed ? ", event flushed" : ", event held back");
        return flushed ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }
}
