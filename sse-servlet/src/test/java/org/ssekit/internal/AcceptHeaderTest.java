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

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HDR-08: which Accept headers take an event stream. */
class AcceptHeaderTest {

    @ParameterizedTest(name = "HDR-08 Accept: [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "text/event-stream | true",
        "TEXT/Event-Stream | true",
        "text/event-stream;q=0.5 | true",
        "application/json, text/event-stream | true",
        "text/html;q=0.9, text/event-stream;q=0.1 | true",
        "*/* | true",
        "text/* | true",
        "text/*;q=0.2, application/json | true",
        "application/json | false",
        "text/html, application/xml | false",
        "text/event-stream;q=0 | false",
        "*/*, text/event-stream;q=0 | false",
        "text/event-stream;q=0, */* | false",
        "text/*;q=0, */* | false",
        "text/event-stream; charset=utf-8 | true",
        "text/event-stream;q=abc | false",
    })
    void decides(String header, boolean accepted) {
        assertThat(AcceptHeader.acceptsEventStream(List.of(header))).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "HDR-08 no or empty Accept is served: {0}")
    @CsvSource({"0", "1"})
    void absentOrEmptyIsServed(int headers) {
        List<String> values = headers == 0 ? List.of() : List.of("");
        assertThat(AcceptHeader.acceptsEventStream(values)).isTrue();
    }

    /**
     * Found by AcceptHeaderFuzzTest (Jazzer, crash input {@code ;}): a range made only of
     * parameters ({@code Accept: ;}) threw ArrayIndexOutOfBoundsException, which the servlet
     * binding turns into a 500. Such a range names no media type, so it is ignored like an
     * empty one.
     */
    @ParameterizedTest(name = "HDR-08 Accept: [{0}] -> {1}, never an exception")
    @CsvSource(delimiter = '|', value = {
        "; | true",
        ";; | true",
        "text/html, ; | false",
        ";, text/event-stream | true",
        "text/event-stream, ;q=0 | true",
    })
    void HDR08_aRangeWithoutAMediaTypeIsIgnored(String header, boolean accepted) {
        assertThat(AcceptHeader.acceptsEventStream(List.of(header))).isEqualTo(accepted);
    }

    @Test
    void severalAcceptHeadersCombine() {
        assertThat(AcceptHeader.acceptsEventStream(List.of("application/json", "text/event-stream"))).isTrue();
    }
}
