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
package org.ssekit.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ssekit.SseEvent;
import org.ssekit.internal.EventEncoder;

class JsonDataTest {
    public record Score(String home, String away, List<Integer> goals) {
    }

    public static final class Unwritable {
        public String getBoom() {
            throw new IllegalStateException("no");
        }
    }

    @Test
    void anObjectBecomesOneCompactJsonDataLine() {
        SseEvent event = JsonData.event("score", new Score("ARS", "CHE", List.of(2, 1)));
        assertThat(new String(EventEncoder.encode(event), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("event: score\ndata: {\"away\":\"CHE\",\"goals\":[2,1],\"home\":\"ARS\"}\n\n");
    }

    @Test
    void mapsAndStringsAreEscapedAsJson() {
        assertThat(JsonData.toJson(Map.of("text", "line1\nline2 \"quoted\""))).isEqualTo(
                "{\"text\":\"line1\\nline2 \\\"quoted\\\"\"}");
        assertThat(JsonData.event(List.of(1, 2)).data()).contains("[1,2]");
    }

    @Test
    void aValueJsonBCannotWriteIsAnIllegalArgumentNamingItsType() {
        assertThatThrownBy(() -> JsonData.toJson(new Unwritable()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Unwritable.class.getName());
    }

    @Test
    void withoutJsonBOnTheClassPathTheErrorNamesTheMissingDependency() throws Exception {
        URL classes = JsonData.class.getProtectionDomain().getCodeSource().getLocation();
        // ssekit's classes alone, over the platform: no jakarta.json.bind, no Yasson.
        try (URLClassLoader bare = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> isolated = bare.loadClass(JsonData.class.getName());
            assertThat(isolated.getMethod("isAvailable").invoke(null)).isEqualTo(false);
            assertThatThrownBy(() -> {
                try {
                    isolated.getMethod("toJson", Object.class).invoke(null, Map.of("a", 1));
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("jakarta.json.bind")
                    .hasMessageContaining("org.eclipse:yasson");
        }
    }
}
