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
package org.ssekit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The example's JSON on JSON-P: the bodies the fixture and the demos have always written and read. */
class JsonTest {

    @Test
    void writesFlatObjectsInOrderAndHtmlSafe() {
        assertThat(Json.object("id", "7", "n", 42L, "i", 3, "ok", true, "none", null,
                "profiles", List.of("resume", "cors"), "text", "</script>&\u2028\"\\\n"))
                .isEqualTo("{\"id\":\"7\",\"n\":42,\"i\":3,\"ok\":true,\"none\":null,\"profiles\":[\"resume\",\"cors\"],"
                        + "\"text\":\"\\u003c/script\\u003e\\u0026\\u2028\\\"\\\\\\n\"}");
    }

    @Test
    void whatItWritesReadsBack() {
        String hostile = "<b>&\u2028\u2029\"\\\r\n\t\u0001";
        assertThat(Json.parseObject(Json.object("text", hostile, "n", -5L))).containsExactly(
                Map.entry("text", hostile), Map.entry("n", -5L));
    }

    @Test
    void readsStringsNumbersBooleansAndNulls() {
        Map<String, Object> read = Json.parseObject(
                " {\"s\":\"x\\u00e9\", \"l\": 12, \"big\": 1234567890123456789, \"d\": 2.5, \"e\": 1e3,"
                        + " \"t\": true, \"f\": false, \"z\": null} ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "x\u00e9");
        expected.put("l", 12L);
        expected.put("big", 1234567890123456789d);
        expected.put("d", 2.5d);
        expected.put("e", 1000d);
        expected.put("t", true);
        expected.put("f", false);
        expected.put("z", null);
        assertThat(read).containsExactlyEntriesOf(expected);
        assertThat(Json.parseObject("{}")).isEmpty();
    }

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {"", "[]", "\"x\"", "{", "{\"a\" 1}", "{\"a\":1,}", "{\"a\":tru}", "{\"a\":\"\u0001\"}",
            "{\"a\":1} x", "{\"a\":1}{}", "{\"a\":1,\"a\":2}", "{\"a\":{}}", "{\"a\":[1]}", "{\"a\":01}", "{'a':1}"})
    void rejectsAnythingButOneFlatObject(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parseObject(text))
                .withMessageStartingWith("malformed JSON");
    }
}
