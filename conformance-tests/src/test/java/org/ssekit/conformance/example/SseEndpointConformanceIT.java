package org.ssekit.conformance.example;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.ssekit.conformance.ConformanceTests;
import org.ssekit.conformance.fixture.FixtureServer;

/**
 * Holds an SSE endpoint to the conformance suite in CI: one JUnit test per case. Copy this class into
 * your test sources, start your own server in {@code start()} and return its fixture (or stream) URL
 * from {@code target()}. Here the server is the suite's reference fixture.
 */
class SseEndpointConformanceIT extends ConformanceTests {
    private static FixtureServer server;

    @BeforeAll
    static void start() throws Exception {
        server = FixtureServer.reference(Set.of());   // your server, on a free port
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected URI target() {
        return server.base();                          // for example http://127.0.0.1:PORT/conformance
    }
}
