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
package org.ssekit.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() {
        Map<String, Object> json = Json.parseObject(
                "{\"a\": [1, -2.5e1, true, false, null], \"s\": \"x\\n\\u00e9\\\"\", \"o\": {}}");
        assertThat(json.get("a")).isEqualTo(Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e1"), true, false,
                null));
        assertThat(json.get("s")).isEqualTo("x\n\u00e9\"");
        assertThat(json.get("o")).isEqualTo(Map.of());
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "line\r\nwith \"quotes\", \\ and \u0000");
        value.put("list", List.of(1, 2L, "three"));
        value.put("none", null);
        String written = Json.write(value);
        assertThat(written).doesNotContain("\r", "\n", "\u0000");
        Map<String, Object> read = Json.parseObject(written);
        assertThat(read.get("text")).isEqualTo(value.get("text"));
        assertThat(read.get("list")).isEqualTo(List.of(new BigDecimal(1), new BigDecimal(2), "three"));
        assertThat(read).containsKey("none");
    }

    /** report.json as it has always been written: compact, in insertion order, these escapes. */
    @Test
    void writesCompactlyInOrderWithTheReportsEscapes() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "<a>&\"\\/\r\n\t\u0000\u001f\u2028\u2029\u00e9");
        value.put("n", 1234L);
        value.put("i", 5);
        value.put("d", new BigDecimal("-2.5"));
        value.put("b", true);
        value.put("z", null);
        value.put("l", List.of("a", 1, Map.of("k", "v")));
        value.put("e", Map.of());
        assertThat(Json.write(value)).isEqualTo("{\"s\":\"<a>&\\\"\\\\/\\r\\n\\t\\u0000\\u001f\\u2028\\u2029\u00e9\","
                + "\"n\":1234,\"i\":5,\"d\":-2.5,\"b\":true,\"z\":null,\"l\":[\"a\",1,{\"k\":\"v\"}],\"e\":{}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "[1,]", "{\"a\": tru}", "\"unterminated", "{} x", "{\"a\":\"\u0001\"}"})
    void rejectsMalformedJson(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parse(text));
    }
}
