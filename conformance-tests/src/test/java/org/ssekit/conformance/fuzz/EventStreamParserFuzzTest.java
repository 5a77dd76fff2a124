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
package org.ssekit.conformance.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ssekit.conformance.client.EventStreamParser;
import org.ssekit.conformance.client.MessageEvent;

/**
 * The reference parser under generated streams: it never throws on any bytes; what it
 * dispatches does not depend on how the bytes are chunked (CR and LF split across reads,
 * UTF-8 sequences split across reads); no dispatched event holds a line break in its type or
 * a NUL in its last event id (WHATWG 9.2.6).
 */
class EventStreamParserFuzzTest {

    @DictionaryEntries({"data:", "data: ", "event:", "id:", "retry:", ":", "retry: 1000"})
    @FuzzTest(maxDuration = "10m")
    void referenceParser(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 16);
        byte[] stream = data.consumeRemainingAsBytes();

        List<MessageEvent> whole = EventStreamParser.parse(stream);

        List<MessageEvent> chunked = new ArrayList<>();
        EventStreamParser parser = new EventStreamParser(new EventStreamParser.Listener() {
            @Override
            public void onEvent(MessageEvent event) {
                chunked.add(event);
            }
        });
        for (int i = 0; i < stream.length; i += chunk) {
            parser.feed(stream, i, Math.min(chunk, stream.length - i));
        }
        parser.end();

        assertThat(chunked).as("the same stream in chunks of %d bytes", chunk).isEqualTo(whole);
        for (MessageEvent event : whole) {
            assertThat(event.type()).doesNotContain("\r", "\n").isNotEmpty();
            assertThat(event.lastEventId()).doesNotContain("\u0000", "\r", "\n");
        }
    }
}
