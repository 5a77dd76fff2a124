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
package org.ssekit.example.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.ssekit.SseEvent;
import org.ssekit.conformance.client.EventStreamParser;
import org.ssekit.conformance.client.MessageEvent;
import org.ssekit.internal.EventEncoder;

/**
 * ssekit's encoder against the suite's reference parser, by property: whatever an application
 * publishes, a WHATWG-conformant client dispatches exactly that (FRM-01, FRM-05, FRM-06, FRM-07,
 * RES-01, RTY-01), however the bytes are chunked; and whatever would break the framing or has
 * no UTF-8 form is refused with a message that starts with the field's name (BAD-03, BAD-04,
 * FRM-09).
 */
class RoundTripPropertyTest {

    /** One event as an application builds it. Empty optionals are fields not set. */
    record Spec(Optional<String> id, Optional<String> name, Optional<String> data, Optional<String> comment,
                Optional<Long> retry) {
        SseEvent toEvent() {
            SseEvent.Builder b = SseEvent.builder();
            id.ifPresent(b::id);
            name.ifPresent(b::event);
            data.ifPresent(b::data);
            comment.ifPresent(b::comment);
            retry.ifPresent(b::retryMillis);
            return b.build();
        }

        /** Whether a client dispatches it: it has data, or a name (which brings an empty data line). */
        boolean dispatched() {
            return data.isPresent() || name.isPresent();
        }
    }

    // ---- generators -------------------------------------------------------------------------

    /** Any Unicode scalar value: every plane, supplementary characters as surrogate pairs. */
    private static Arbitrary<String> scalar() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF);
        Arbitrary<Integer> astral = Arbitraries.integers().between(0x10000, 0x10FFFF);
        Arbitrary<Integer> tricky = Arbitraries.of(0x0, 0x20, 0x3A, 0xFEFF, 0xFFFD, 0xFFFF, 0x2028, 0x85,
                0x1F600, 0x10FFFF, 0x7F);
        return Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.chars().range('a', 'z').map(c -> (int) c)),
                        Tuple.of(3, any), Tuple.of(2, astral),
                        Tuple.of(2, tricky))
                .map(Character::toString);
    }

    /** Text without line breaks. */
    private static Arbitrary<String> lineText() {
        return scalar().filter(s -> !s.equals("\r") && !s.equals("\n")).list().ofMaxSize(12)
                .map(parts -> String.join("", parts));
    }

    /** Text with any mix of CR, LF and CRLF line breaks and empty lines. */
    private static Arbitrary<String> multiline() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(5, lineText()),
                Tuple.of(1, Arbitraries.of("\r", "\n", "\r\n", "\n\r", "\r\r", "\n\n", "")),
                Tuple.of(1, Arbitraries.of(" ", "  lead", ":", "data: x", "\u0000")));
        return piece.list().ofMaxSize(10).map(parts -> String.join("", parts));
    }

    /** An id: any text but CR, LF and NUL. */
    private static Arbitrary<String> validId() {
        return lineText().map(s -> s.replace("\u0000", ""));
    }

    @Provide
    Arbitrary<Spec> events() {
        Arbitrary<Optional<String>> id = validId().optional(0.5);
        Arbitrary<Optional<String>> name = lineText().optional(0.4);
        Arbitrary<Optional<String>> data = multiline().optional(0.8);
        Arbitrary<Optional<String>> comment = multiline().optional(0.2);
        Arbitrary<Optional<Long>> retry = Arbitraries.longs().between(0, Long.MAX_VALUE).optional(0.2);
        return Combinators.combine(id, name, data, comment, retry).as(Spec::new)
                .filter(s -> s.id().isPresent() || s.name().isPresent() || s.data().isPresent()
                        || s.comment().isPresent() || s.retry().isPresent());
    }

    @Provide
    Arbitrary<List<Spec>> streams() {
        return events().list().ofMinSize(1).ofMaxSize(8);
    }

    // ---- the round trip ---------------------------------------------------------------------

    @Property(tries = 1000)
    void frm05_anyEventParsesBackIdentically(@ForAll("streams") List<Spec> specs,
                                             @ForAll @IntRange(min = 1, max = 7) int chunk) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(EventEncoder.HEARTBEAT); // the first line every ssekit stream starts with
        for (Spec spec : specs) {
            wire.write(EventEncoder.encode(spec.toEvent()));
        }
        byte[] bytes = wire.toByteArray();
        assertValidUtf8(bytes);

        List<MessageEvent> got = new ArrayList<>();
        List<Long> retries = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        EventStreamParser parser = new EventStreamParser(new EventStreamParser.Listener() {
            @Override
            public void onEvent(MessageEvent event) {
                got.add(event);
            }

            @Override
            public void onRetry(long millis) {
                retries.add(millis);
            }

            @Override
            public void onComment(String comment) {
                comments.add(comment);
            }

            @Override
            public void onUnknownField(String field, String value) {
                throw new AssertionError("the encoder wrote an unknown field " + field + ": " + value);
            }
        });
        for (int i = 0; i < bytes.length; i += chunk) {
            parser.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        assertThat(parser.hasPendingEvent()).as("every event ends with a blank line (FRM-03)").isFalse();
        parser.end();

        List<MessageEvent> expected = new ArrayList<>();
        List<Long> expectedRetries = new ArrayList<>();
        List<String> expectedComments = new ArrayList<>();
        expectedComments.add("");
        String lastId = "";
        for (Spec spec : specs) {
            spec.comment().ifPresent(c -> linesOf(c).forEach(line -> expectedComments.add(line.isEmpty() ? "" : " " + line)));
            spec.retry().ifPresent(expectedRetries::add);
            if (spec.id().isPresent()) {
                lastId = spec.id().get();
            }
            if (spec.dispatched()) {
                String type = spec.name().filter(n -> !n.isEmpty()).orElse("message");
                expected.add(new MessageEvent(type, String.join("\n", linesOf(spec.data().orElse(""))), lastId));
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThat(retries).isEqualTo(expectedRetries);
        assertThat(comments).isEqualTo(expectedComments);
        assertThat(parser.lastEventId()).isEqualTo(lastId);
    }

    /** The lines a client sees: CRLF, CR and LF each end one line (FRM-05). */
    private static List<String> linesOf(String text) {
        return List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }

    private static void assertValidUtf8(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    }

    // ---- what is refused ----------------------------------------------------------------------

    /** A lone surrogate, or a pair in the wrong order: UTF-16 with no UTF-8 form. */
    @Provide
    Arbitrary<String> withoutUtf8Form() {
        Arbitrary<String> lone = Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf);
        Arbitrary<String> reversed = Combinators.combine(Arbitraries.chars().range('\uDC00', '\uDFFF'),
                Arbitraries.chars().range('\uD800', '\uDBFF')).as((low, high) -> "" + low + high);
        return Combinators.combine(lineText(), Arbitraries.oneOf(lone, reversed), lineText())
                .as((a, bad, b) -> a + bad + b);
    }

    @Provide
    Arbitrary<String> withLineBreak() {
        return Combinators.combine(lineText(), Arbitraries.of("\r", "\n", "\r\n"), lineText())
                .as((a, br, b) -> a + br + b);
    }

    @Property(tries = 300)
    void bad03_aLineBreakInAnIdOrNameIsRefusedNamingTheField(@ForAll("withLineBreak") String text) {
        assertRefused(() -> SseEvent.builder().id(text), "id");
        assertRefused(() -> SseEvent.builder().event(text), "event");
    }

    @Property(tries = 300)
    void frm09_aNulInAnIdIsRefusedNamingTheField(@ForAll("validIds") String a, @ForAll("validIds") String b) {
        assertRefused(() -> SseEvent.builder().id(a + "\u0000" + b), "id");
    }

    @Provide
    Arbitrary<String> validIds() {
        return validId();
    }

    @Property(tries = 300)
    void frm01_textWithoutAUtf8FormIsRefusedInEveryFieldNamingIt(@ForAll("withoutUtf8Form") String text) {
        assertRefused(() -> SseEvent.builder().data(text), "data");
        assertRefused(() -> SseEvent.builder().comment(text), "comment");
        assertRefused(() -> SseEvent.builder().id(text), "id");
        assertRefused(() -> SseEvent.builder().event(text), "event");
    }

    @Property(tries = 200)
    void bad04_aNegativeRetryIsRefusedNamingTheField(@ForAll("negative") long millis) {
        assertRefused(() -> SseEvent.builder().retryMillis(millis), "retry");
    }

    @Provide
    Arbitrary<Long> negative() {
        return Arbitraries.longs().between(Long.MIN_VALUE, -1);
    }

    private static void assertRefused(Runnable step, String field) {
        assertThatThrownBy(step::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field + " ");
    }
}
