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

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.ssekit.conformance.Options;
import org.ssekit.conformance.client.Tls;

/**
 * {@link Http2Contract} on the example's own server: embedded Jetty 12.0.38 with h2 over TLS
 * (ALPN) and h2c, both fixtures (Jersey 3.1 plays the server's JAX-RS).
 */
class JettyHttp2IT extends Http2Contract {
    private final HeaderRecorder recorder = new HeaderRecorder();
    private ExampleServer server;

    @BeforeAll
    void start() throws Exception {
        server = ExampleServer.startRecording(recorder);
        Tls.use(trust());
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private Tls trust() {
        return Tls.trustStore(server.keys().keyStore(), server.keys().password().toCharArray());
    }

    @Override
    URI http() {
        return server.uri();
    }

    @Override
    URI https() {
        return server.httpsUri();
    }

    @Override
    List<String> fixtures() {
        return List.of("servlet", "jaxrs");
    }

    @Override
    HeaderRecorder recorder() {
        return recorder;
    }

    @Override
    Options suiteOptions(Set<String> only) {
        return Options.builder().only(only).tls(trust()).build();
    }

    @Override
    String name() {
        return "jetty-h2";
    }
}
