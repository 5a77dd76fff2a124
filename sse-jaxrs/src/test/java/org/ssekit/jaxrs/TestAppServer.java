package org.ssekit.jaxrs;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.ssekit.SseConfig;

/** The test application on the JAX-RS runtime under test in embedded Jetty, started once per test class. */
final class TestAppServer implements BeforeAllCallback, AfterAllCallback {
    private final SseConfig config;
    private TestApp app;
    private JaxrsJetty jetty;

    TestAppServer(SseConfig config) {
        this.config = config;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        app = new TestApp(config);
        jetty = JaxrsJetty.start(app);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        app.sse.close();
        jetty.close();
    }

    TestApp app() {
        return app;
    }

    JaxrsJetty jetty() {
        return jetty;
    }
}
