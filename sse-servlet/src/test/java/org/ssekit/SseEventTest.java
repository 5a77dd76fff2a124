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
package org.ssekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the builder refuses, and how it names the field (BAD-03, BAD-04, FRM-09). */
class SseEventTest {

    static Stream<Arguments> rejected() {
        return Stream.of(
                bad("BAD-03 LF in event name", b -> b.event("a\nb"), "event"),
                bad("BAD-03 CR in event name", b -> b.event("a\rb"), "event"),
                bad("BAD-03 CRLF in event name", b -> b.event("a\r\ndata: x"), "event"),
                bad("BAD-03 LF in id", b -> b.id("1\nevent: evil"), "id"),
                bad("BAD-03 CR in id", b -> b.id("1\r"), "id"),
                bad("FRM-09 NUL in id", b -> b.id("1\u00002"), "id"),
                bad("BAD-04 negative retry (millis)", b -> b.retryMillis(-1), "retry"),
                bad("BAD-04 negative retry (duration)", b -> b.retry(Duration.ofMillis(-5)), "retry"),
                bad("FRM-01 lone high surrogate in data", b -> b.data("x\uD800y"), "data"),
                bad("FRM-01 lone low surrogate in data", b -> b.data("\uDC00"), "data"),
                bad("FRM-01 high surrogate at the end of data", b -> b.data("abc\uD83D"), "data"),
                bad("FRM-01 surrogates in the wrong order in data", b -> b.data("\uDE00\uD83D"), "data"),
                bad("FRM-01 lone surrogate in id", b -> b.id("1\uD800"), "id"),
                bad("FRM-01 lone surrogate in event name", b -> b.event("\uDFFFname"), "event"),
                bad("FRM-01 lone surrogate in comment", b -> b.comment("c\uD800"), "comment"));
    }

    private static Arguments bad(String rule, Consumer<SseEvent.Builder> step, String field) {
        return Arguments.of(rule, step, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsWithMessageNamingTheField(String rule, Consumer<SseEvent.Builder> step, String field) {
        SseEvent.Builder b = SseEvent.builder();
        assertThatThrownBy(() -> step.accept(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field + " ");
    }

    @Test
    void nullArgumentsNameTheParameter() {
        assertThatThrownBy(() -> SseEvent.builder().data(null)).isInstanceOf(NullPointerException.class).hasMessage("data");
        assertThatThrownBy(() -> SseEvent.builder().id(null)).isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> SseEvent.builder().event(null)).isInstanceOf(NullPointerException.class).hasMessage("event");
        assertThatThrownBy(() -> SseEvent.builder().comment(null)).isInstanceOf(NullPointerException.class).hasMessage("comment");
    }

    @Test
    void anEmptyEventIsRefused() {
        assertThatThrownBy(() -> SseEvent.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dataAndCommentsMayHoldAnyText() {
        SseEvent e = SseEvent.builder().data("a\r\nb\0c").comment("x\ny").build();
        assertThat(e.data()).contains("a\r\nb\0c");
        assertThat(e.commentText()).contains("x\ny");
    }

    @Test
    void FRM01_aLoneSurrogateIsNamedWithItsCodeUnitAndIndex() {
        assertThatThrownBy(() -> SseEvent.builder().data("x\uD800y"))
                .hasMessage("data must be valid Unicode text: a lone surrogate U+D800 at index 1 has no UTF-8 form");
    }

    @Test
    void FRM01_supplementaryCharactersArePairsAndPass() {
        String text = "\uD83D\uDE00 \uD834\uDD1E \uDBFF\uDFFF";
        SseEvent e = SseEvent.builder().id(text).event(text).data(text).comment(text).build();
        assertThat(e.data()).contains(text);
        assertThat(e.id()).contains(text);
    }

    @Test
    void aValueIsEqualToItsCopy() {
        SseEvent e = SseEvent.builder().id("1").event("e").data("d").retryMillis(3).comment("c").build();
        assertThat(e.toBuilder().build()).isEqualTo(e).hasSameHashCodeAs(e);
        assertThat(e.withId("2")).isNotEqualTo(e);
        assertThat(e.withId("2").id()).contains("2");
    }
}
