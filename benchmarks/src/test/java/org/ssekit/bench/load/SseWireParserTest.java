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
package org.ssekit.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SseWireParserTest {
    private final List<long[]> events = new ArrayList<>();
    private int beats;
    private final SseWireParser parser = new SseWireParser(new SseWireParser.Listener() {
        @Override
        public void onEvent(long seq, long sentNanos) {
            events.add(new long[] {seq, sentNanos});
        }

        @Override
        public void onBeat() {
            beats++;
        }
    });

    private void feed(String wire) {
        byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
        parser.feed(b, 0, b.length);
    }

    private void feedByteByByte(String wire) {
        for (byte b : wire.getBytes(StandardCharsets.ISO_8859_1)) {
            parser.feed(new byte[] {b}, 0, 1);
        }
    }

    @Test
    void chunkedStreamSplitAnywhere() {
        feedByteByByte("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n:\n\r\n" + "19\r\nid: 1\ndata: 7:123456:xx\n\n\r\n" + "0\r\n\r\n");
        assertThat(parser.status()).isEqualTo(200);
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsExactly(7, 123456);
        assertThat(beats).isEqualTo(1);
        assertThat(parser.ended()).isTrue();
    }

    @Test
    void closeDelimitedWithCrLfLinesAndBlankHeartbeat() {
        feed("HTTP/1.1 200 OK\r\n\r\n\r\ndata: 5:99:x\r\n\r\ndata:6:100\r\rdata: 7:1\n");
        assertThat(events).extracting(e -> e[0]).containsExactly(5L, 6L);
        assertThat(beats).isEqualTo(1);
    }

    @Test
    void onlyTheFirstDataLineCarriesTheStamp() {
        feed("HTTP/1.1 200 OK\r\n\r\ndata: 1:2:a\ndata: 3:4\nevent: x\n\n");
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsExactly(1, 2);
    }

    @Test
    void errorStatusIsReported() {
        feed("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\n\r\n");
        assertThat(parser.headComplete()).isTrue();
        assertThat(parser.status()).isEqualTo(503);
    }
}
