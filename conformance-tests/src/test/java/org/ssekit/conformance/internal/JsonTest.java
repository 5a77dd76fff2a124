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

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "[1,]", "{\"a\": tru}", "\"unterminated", "{} x", "{\"a\":\"\u0001\"}"})
    void rejectsMalformedJson(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parse(text));
    }
}
