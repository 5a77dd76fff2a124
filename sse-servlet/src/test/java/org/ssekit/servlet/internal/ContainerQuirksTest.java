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
package org.ssekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssekit.SseConfig;

/** Container quirks: detected from the server info unless a setting says otherwise. */
class ContainerQuirksTest {
    /** Server info strings as the containers of the tested-servers table report them. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "IBM WebSphere Liberty/26.0.0.3, true",
            "jetty/12.0.38, false",
            "Apache Tomcat/10.1.59, false",
            "WildFly Full 39.0.1.Final (WildFly Core 31.0.1.Final) - 2.3.22.Final, false",
            "Payara Micro 6.2025.10 #badassfish, false",
            "GlassFish Server Open Source Edition 7.0.21, false",
            "null, false"})
    void onlyOpenLibertyGetsItsOutputQuirksWorkedAround(String serverInfo, boolean liberty) {
        ContainerQuirks detected = ContainerQuirks.of(SseConfig.defaults(), serverInfo);
        assertThat(detected.blockingWrites()).isEqualTo(liberty);
        assertThat(detected.doubleFirstFlush()).isEqualTo(liberty);
    }

    @ParameterizedTest(name = "{0}: settings win over detection")
    @CsvSource(nullValues = "null", value = {"IBM WebSphere Liberty/26.0.0.3", "jetty/12.0.38", "null"})
    void settingsOverrideDetection(String serverInfo) {
        ContainerQuirks off = ContainerQuirks.of(
                SseConfig.builder().blockingWrites(false).doubleFirstFlush(false).build(), serverInfo);
        assertThat(off).isEqualTo(new ContainerQuirks(false, false));
        ContainerQuirks on = ContainerQuirks.of(
                SseConfig.builder().blockingWrites(true).doubleFirstFlush(true).build(), serverInfo);
        assertThat(on).isEqualTo(new ContainerQuirks(true, true));
    }
}
