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
package org.ssekit.conformance.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference parser against the WHATWG interpretation rules, one row per rule, the rows
 * derived from the web-platform-tests {@code eventsource/format-*} cases (the streams are
 * restated here, not copied). Every row is also fed one byte at a time, so no rule depends
 * on how the stream is chunked.
 */
class EventStreamParserTest {

    /** What a browser would see after the whole stream. */
    private record Parsed(List<MessageEvent> events, String lastEventId, OptionalLong retry, List<String> comments) {
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                row("format-bom: one BOM at offset 0 is stripped",
                        "\uFEFFdata: 1\n\n\uFEFFdata: 2\n\ndata: 3\n\n", events("1", "3")),
                row("format-bom-2: only the first of two BOMs is stripped",
                        "\uFEFF\uFEFFdata: 1\n\ndata: 2\n\ndata: 3\n\n", events("2", "3")),
                row("format-newlines: CRLF, LF and CR all end lines",
                        "data:test\r\ndata\ndata:test\r\n\r\n", events("test\n\ntest")),
                row("format-newlines: lone CR ends lines and blocks",
                        "data:a\rdata:b\r\rdata:c\r\r", events("a\nb", "c")),
                row("format-field-data: an empty data line dispatches an empty event",
                        "data:\n\ndata\ndata\n\ndata:test\n\n", events("", "\n", "test")),
                row("format-leading-space: only one leading space is removed",
                        "data:  test\n\ndata:test\n\ndata: test\n\n", events(" test", "test", "test")),
                row("format-comments: comment lines are ignored, also between data lines",
                        ":comment\ndata:1\n:another\ndata:2\n: third\n\n", events("1\n2")),
                row("format-field-unknown: unknown fields and text lines are ignored",
                        "data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test\n\n",
                        events("test\n\ntest")),
                row("format-field-parsing: field names are case-sensitive and exact",
                        "data:\u0000\ndata:  2\rData:1\ndata\u0000:2\ndata:1\r\u0000data:4\nda-ta:3\rdata_5\ndata:3\r"
                                + "data:\r\n data:32\ndata:4\n\n",
                        events("\u0000\n 2\n1\n3\n\n4")),
                row("format-null-character: NUL in data is kept",
                        "data:\u0000\n\n\n\n", events("\u0000")),
                row("format-data-before-final-empty-line: a trailing partial event is discarded",
                        "retry:1000\ndata:test1\n\nid:test\ndata:test2", events("test1")),
                row("format-data-before-final-empty-line: an unterminated last line is discarded",
                        "data:test1\n\ndata:test2\n", events("test1")));
    }

    static Stream<Arguments> typesAndIds() {
        return Stream.of(
                row("format-field-event: event sets the type of the next event only",
                        "event: test\ndata: x\n\ndata: x\n\n",
                        List.of(new MessageEvent("test", "x", ""), MessageEvent.message("x", ""))),
                row("format-field-event-empty: an empty event field means message",
                        "event: \ndata:data\n\n", List.of(MessageEvent.message("data", ""))),
                row("format-field-event: an event without data is not dispatched and its type is reset",
                        "event: lost\n\ndata: x\n\n", List.of(MessageEvent.message("x", ""))),
                row("format-field-id: the id persists across events",
                        "id: 1\ndata: a\n\ndata: b\n\n",
                        List.of(MessageEvent.message("a", "1"), MessageEvent.message("b", "1"))),
                row("format-field-id-2: an id-only block still sets the last event id",
                        "id: 1\n\ndata: x\n\n", List.of(MessageEvent.message("x", "1"))),
                row("format-field-id-null: an id containing NUL is ignored",
                        "id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n",
                        List.of(MessageEvent.message("a", "1"), MessageEvent.message("b", "1"))),
                row("format-field-id-3: an empty id resets the last event id",
                        "id: 1\ndata: a\n\nid\ndata: b\n\n",
                        List.of(MessageEvent.message("a", "1"), MessageEvent.message("b", ""))));
    }

    static Stream<Arguments> retries() {
        return Stream.of(
                row("format-field-retry: ASCII digits set the reconnection time", "retry:03000\ndata:x\n\n",
                        OptionalLong.of(3000)),
                row("format-field-retry-bogus: a value with a non-digit is ignored",
                        "retry:3000\nretry:1000x\ndata:x\n\n", OptionalLong.of(3000)),
                row("format-field-retry-empty: an empty retry is ignored", "retry\ndata:test\n\n", OptionalLong.empty()),
                row("format-field-retry: a negative retry is ignored", "retry: -1\n\n", OptionalLong.empty()),
                row("format-field-retry: a space before the digits is removed like any value", "retry: 42\n\n",
                        OptionalLong.of(42)));
    }

    private static Arguments row(String rule, String stream, Object expected) {
        return Arguments.of(rule, stream, expected);
    }

    private static List<MessageEvent> events(String... data) {
        return Stream.of(data).map(d -> MessageEvent.message(d, "")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"rules", "typesAndIds"})
    void dispatchesWhatABrowserWould(String rule, String stream, List<MessageEvent> expected) {
        assertThat(parseWhole(stream).events()).as(rule).isEqualTo(expected);
        assertThat(parseByteByByte(stream).events()).as(rule + " (byte by byte)").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retries")
    void setsTheReconnectionTime(String rule, String stream, OptionalLong expected) {
        assertThat(parseWhole(stream).retry()).as(rule).isEqualTo(expected);
        assertThat(parseByteByByte(stream).retry()).as(rule + " (byte by byte)").isEqualTo(expected);
    }

    @Test
    void idOnlyBlockSetsTheLastEventIdWithoutAnEvent() {
        Parsed parsed = parseWhole("data: a\n\nid: 7\n\n");
        assertThat(parsed.events()).containsExactly(MessageEvent.message("a", ""));
        assertThat(parsed.lastEventId()).isEqualTo("7");
    }

    @Test
    void crlfSplitAcrossChunksIsOneLineEnd() {
        Parsed parsed = parse(List.of("data: a\r", "\ndata: b\r", "\n\r", "\n"));
        assertThat(parsed.events()).containsExactly(MessageEvent.message("a\nb", ""));
    }

    @Test
    void invalidUtf8DecodesToReplacementCharacters() {
        byte[] stream = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xC3, '(', '\n', '\n'};
        assertThat(EventStreamParser.parse(stream)).containsExactly(MessageEvent.message("\uFFFD(", ""));
    }

    @Test
    void multiByteCharactersSplitAcrossChunksDecode() {
        byte[] bytes = "data: \u00e9\ud83d\ude00\n\n".getBytes(StandardCharsets.UTF_8);
        Parsed parsed = parseBytesOneByOne(bytes);
        assertThat(parsed.events()).containsExactly(MessageEvent.message("\u00e9\ud83d\ude00", ""));
    }

    @Test
    void commentsAreReportedWithoutTheColon() {
        assertThat(parseWhole(":\n: ping\n\n").comments()).containsExactly("", " ping");
    }

    private static Parsed parseWhole(String stream) {
        return parse(List.of(stream));
    }

    private static Parsed parseByteByByte(String stream) {
        return parseBytesOneByOne(stream.getBytes(StandardCharsets.UTF_8));
    }

    private static Parsed parseBytesOneByOne(byte[] bytes) {
        Recorder recorder = new Recorder();
        EventStreamParser parser = new EventStreamParser(recorder);
        for (byte b : bytes) {
            parser.feed(new byte[] {b}, 0, 1);
        }
        parser.end();
        return new Parsed(recorder.events, parser.lastEventId(), parser.reconnectionTime(), recorder.comments);
    }

    private static Parsed parse(List<String> chunks) {
        Recorder recorder = new Recorder();
        EventStreamParser parser = new EventStreamParser(recorder);
        for (String chunk : chunks) {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            parser.feed(bytes, 0, bytes.length);
        }
        parser.end();
        return new Parsed(recorder.events, parser.lastEventId(), parser.reconnectionTime(), recorder.comments);
    }

    private static final class Recorder implements EventStreamParser.Listener {
        private final List<MessageEvent> events = new ArrayList<>();
        private final List<String> comments = new ArrayList<>();

        @Override
        public void onEvent(MessageEvent event) {
            events.add(event);
        }

        @Override
        public void onComment(String comment) {
            comments.add(comment);
        }
    }
}
