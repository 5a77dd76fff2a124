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

    @Override
    protected Set<String> unimplemented() {           // what your server does not do, by design
        return Set.of("RES-06", "RES-07",              // the cluster cases: one node here
                "H-05");                               // ALPN: this URL is plain http
    }
}
