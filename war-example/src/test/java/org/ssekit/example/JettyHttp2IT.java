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
