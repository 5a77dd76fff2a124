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
package org.ssekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ssekit.SseEvent;

/** The bytes of every event shape, one row per rule of CONFORMANCE.md (FRM-*). */
class EventEncoderTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                row("FRM-01 non-ASCII text is UTF-8", SseEvent.of("héllo €𝄞"), "data: héllo €𝄞\n\n"),
                row("FRM-01 a surrogate pair is one 4-byte character", SseEvent.of("a\uD83D\uDE00b"),
                        "data: a\uD83D\uDE00b\n\n"),
                row("FRM-02 fields in order id, event, retry, data", SseEvent.builder().data("d").retryMillis(5)
                        .event("e").id("1").build(), "id: 1\nevent: e\nretry: 5\ndata: d\n\n"),
                row("FRM-03 every event ends with a blank line", SseEvent.of("x"), "data: x\n\n"),
                row("FRM-04 LF line endings only", SseEvent.of("a\r\nb"), "data: a\ndata: b\n\n"),
                row("FRM-05 LF splits data", SseEvent.of("a\nb"), "data: a\ndata: b\n\n"),
                row("FRM-05 CR splits data", SseEvent.of("a\rb"), "data: a\ndata: b\n\n"),
                row("FRM-05 CRLF splits data once", SseEvent.of("a\r\nb"), "data: a\ndata: b\n\n"),
                row("FRM-05 LFCR splits data twice", SseEvent.of("a\n\rb"), "data: a\ndata:\ndata: b\n\n"),
                row("FRM-05 trailing LF keeps an empty last line", SseEvent.of("a\n"), "data: a\ndata:\n\n"),
                row("FRM-05 leading CR keeps an empty first line", SseEvent.of("\ra"), "data:\ndata: a\n\n"),
                row("FRM-05 blank lines inside data survive", SseEvent.of("a\n\nb"), "data: a\ndata:\ndata: b\n\n"),
                row("FRM-06 space after the colon", SseEvent.of(" lead"), "data:  lead\n\n"),
                row("FRM-06 a colon in data is kept", SseEvent.of("k: v"), "data: k: v\n\n"),
                row("FRM-07 empty payload is a bare data line", SseEvent.of(""), "data:\n\n"),
                row("FRM-07 a named event without data gets a data line",
                        SseEvent.builder().event("ping").build(), "event: ping\ndata:\n\n"),
                row("FRM-08 no BOM, even before a BOM in data", SseEvent.of("\uFEFFx"), "data: \uFEFFx\n\n"),
                row("FRM-02 id-only block sets the last event id", SseEvent.builder().id("7").build(), "id: 7\n\n"),
                row("FRM-02 empty id resets the last event id", SseEvent.builder().id("").data("x").build(),
                        "id:\ndata: x\n\n"),
                row("FRM-02 comment lines, split like data", SseEvent.comment("a\r\nb"), ": a\n: b\n"),
                row("FRM-02 empty comment is a bare colon", SseEvent.comment(""), ":\n"),
                row("FRM-02 comment before the fields", SseEvent.builder().comment("c").data("d").build(),
                        ": c\ndata: d\n\n"),
                row("RTY-01 retry as ASCII digits", SseEvent.builder().retry(Duration.ofSeconds(3)).build(),
                        "retry: 3000\n\n"));
    }

    private static Arguments row(String rule, SseEvent event, String wire) {
        return Arguments.of(rule, event, wire);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void encodesExactBytes(String rule, SseEvent event, String wire) throws CharacterCodingException {
        byte[] bytes = EventEncoder.encode(event);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(wire);
        assertValidUtf8WithoutBom(bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\r");
    }

    private static void assertValidUtf8WithoutBom(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
        assertThat(bytes.length < 3 || (bytes[0] & 0xFF) != 0xEF).as("starts with a BOM").isTrue();
    }

    @ParameterizedTest(name = "heartbeat and retry blocks: {0}")
    @MethodSource("fixedFrames")
    void fixedFrames(String name, byte[] frame, String wire) {
        assertThat(new String(frame, StandardCharsets.US_ASCII)).isEqualTo(wire);
    }

    static Stream<Arguments> fixedFrames() {
        return Stream.of(
                Arguments.of("HB-04 heartbeat is a bare colon line", EventEncoder.HEARTBEAT, ":\n"),
                Arguments.of("RTY-02 retry block", EventEncoder.retry(2500), "retry: 2500\n\n"));
    }
}
