package org.ssekit.jaxrs;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.ssekit.SseConfig;

/** The test application on Jersey in embedded Jetty, started once per test class. */
final class JerseyServer implements BeforeAllCallback, AfterAllCallback {
    private final SseConfig config;
    private TestApp app;
    private JerseyJetty jetty;

    JerseyServer(SseConfig config) {
        this.config = config;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        app = new TestApp(config);
        jetty = JerseyJetty.start(app);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        app.sse.close();
        jetty.close();
    }

    TestApp app() {
        return app;
    }

    JerseyJetty jetty() {
        return jetty;
    }
}
