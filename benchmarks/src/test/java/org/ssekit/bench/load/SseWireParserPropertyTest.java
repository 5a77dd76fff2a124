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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.ssekit.conformance.client.EventStreamParser;
import org.ssekit.conformance.client.MessageEvent;

/**
 * The load clients keep their own parser ({@link SseWireParser}: no allocation per event, which
 * the fan-out steps need, see benchmarks/README.md); this holds it to the suite's reference
 * parser ({@link EventStreamParser}, WHATWG-exact). On generated streams of the lines SSE
 * servers write (benchmark stamps, bare {@code data}, other fields, comments, blank lines), each
 * line ended by CR, LF or CRLF, close-delimited or chunked, the wire parser reports exactly the
 * events the reference dispatches, each with the stamp of its first data line, however the
 * bytes are split.
 */
class SseWireParserPropertyTest {
    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n";

    /** One generated response: the SSE body and how it travels. */
    record Stream(byte[] body, boolean chunked, List<Integer> chunkSizes) {
        byte[] wire() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((HEAD + (chunked ? "Transfer-Encoding: chunked\r\n" : "") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            if (!chunked) {
                out.writeBytes(body);
                return out.toByteArray();
            }
            int at = 0;
            for (int i = 0; at < body.length; i++) {
                int size = Math.min(body.length - at, chunkSizes.get(i % chunkSizes.size()));
                out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, size);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                at += size;
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return (chunked ? "chunked " + chunkSizes + " " : "") + new String(body, StandardCharsets.US_ASCII)
                    .replace("\r", "\\r").replace("\n", "\\n");
        }
    }

    @Provide
    Arbitrary<Stream> streams() {
        Arbitrary<String> number = Arbitraries.longs().between(0, 10_000_000_000L).map(String::valueOf);
        Arbitrary<String> stamped = Arbitraries.oneOf(
                Combinators.combine(number, number, Arbitraries.strings().withChars("x0:").ofMaxLength(6))
                        .as((seq, nanos, pad) -> "data: " + seq + ":" + nanos + ":" + pad),
                Combinators.combine(number, number).as((seq, nanos) -> "data:" + seq + ":" + nanos));
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(3, stamped),
                Tuple.of(3, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("data", "data:", "data: ", "data: x")),
                Tuple.of(2, Arbitraries.of("id: 7", "id", "event: tick", "retry: 1500", ":", ": keep-alive",
                        "dat: 1:2", "data : 3:4", "datax: 5:6", "d")));
        Arbitrary<String> lineEnd = Arbitraries.of("\n", "\r", "\r\n");
        Arbitrary<String> endedLine = Combinators.combine(line, lineEnd).as(String::concat);
        Arbitrary<byte[]> body = endedLine.list().ofMaxSize(24)
                .map(lines -> String.join("", lines).getBytes(StandardCharsets.US_ASCII));
        Arbitrary<List<Integer>> chunkSizes = Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(5);
        return Combinators.combine(body, Arbitraries.of(false, true), chunkSizes).as(Stream::new);
    }

    @Property(tries = 1000)
    void frm04EveryLineEndAndEverySplitDispatchesWhatTheReferenceParserDispatches(@ForAll("streams") Stream stream) {
        List<List<Long>> expected = EventStreamParser.parse(stream.body()).stream()
                .map(SseWireParserPropertyTest::stamp).toList();
        byte[] wire = stream.wire();

        assertThat(parse(stream, wire.length, false)).as("in one piece").isEqualTo(expected);
        for (int split = 0; split < wire.length; split++) {
            assertThat(parse(stream, split, false)).as("split at byte %d", split).isEqualTo(expected);
        }
        assertThat(parse(stream, 1, true)).as("byte by byte").isEqualTo(expected);
    }

    /** The stamp a load client reads: the digits of the first two colon-separated fields of the first data line. */
    private static List<Long> stamp(MessageEvent event) {
        String first = event.data().split("\n", -1)[0];
        long[] fields = new long[2];
        int field = 0;
        for (char c : first.toCharArray()) {
            if (c == ':') {
                field++;
            } else if (c >= '0' && c <= '9' && field < 2) {
                fields[field] = fields[field] * 10 + (c - '0');
            }
        }
        return List.of(fields[0], fields[1]);
    }

    /** What the wire parser reports for {@code stream} fed in two pieces split at {@code split}, or byte by byte. */
    private static List<List<Long>> parse(Stream stream, int split, boolean byteByByte) {
        byte[] wire = stream.wire();
        List<List<Long>> events = new ArrayList<>();
        SseWireParser parser = new SseWireParser(new SseWireParser.Listener() {
            @Override
            public void onEvent(long seq, long sentNanos) {
                events.add(List.of(seq, sentNanos));
            }

            @Override
            public void onBeat() {
            }
        });
        if (byteByByte) {
            for (byte b : wire) {
                parser.feed(new byte[] {b}, 0, 1);
            }
        } else {
            parser.feed(Arrays.copyOf(wire, split), 0, split);
            parser.feed(Arrays.copyOfRange(wire, split, wire.length), 0, wire.length - split);
        }
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.ended()).as("the last chunk ends a chunked body").isEqualTo(stream.chunked());
        return events;
    }
}
