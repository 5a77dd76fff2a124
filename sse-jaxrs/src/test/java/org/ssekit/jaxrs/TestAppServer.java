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
