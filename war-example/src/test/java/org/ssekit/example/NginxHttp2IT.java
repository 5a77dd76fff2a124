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
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.ssekit.conformance.Options;
import org.ssekit.conformance.client.Tls;

/**
 * The whole conformance suite through a real nginx (Debian's 1.22) serving https with HTTP/2
 * ({@code listen ... ssl http2}) in front of the example, which nginx reaches over HTTP/1.1:
 * the servlet fixture, no MUST case failing, and the H cases run over nginx's h2 (H-02..H-05
 * not UNIMPLEMENTED). Reports in target/conformance/nginx-h2-servlet/.
 */
class NginxHttp2IT {
    private static ExampleServer server;
    private static Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        server = ExampleServer.start(0);
        nginx = Nginx.proxyTo(server.port(), server.keys());
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> suiteThroughNginxOverH2() {
        URI base = URI.create("https://localhost:" + nginx.tlsPort() + "/conformance/servlet");
        Options options = Options.builder()
                .tls(Tls.trustStore(server.keys().keyStore(), server.keys().password().toCharArray())).build();
        return ConformanceSelfTestIT.cases(base, "nginx-h2-servlet", options, ConformanceSelfTestIT.MIN_OK);
    }
}
