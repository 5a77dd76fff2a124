package org.ssekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServletTransportTest {
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
        assertThat(ServletTransport.isLiberty(serverInfo)).isEqualTo(liberty);
    }
}
