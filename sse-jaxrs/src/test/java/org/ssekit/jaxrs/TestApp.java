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

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.ssekit.SseConfig;

/** The application under test: the feature, a "news" broadcaster, and resources that use them. */
public final class TestApp extends Application {
    final SseKitFeature sse;
    final ChannelBroadcaster news;
    /** Sinks of {@code GET /held}, for tests that drive a sink themselves. */
    final BlockingQueue<SseEventSink> held = new LinkedBlockingQueue<>();
    /** The runtime's Sse, as resources get it. */
    final BlockingQueue<Sse> sseContext = new LinkedBlockingQueue<>();

    public TestApp(SseConfig config) {
        this.sse = SseKitFeature.create(config);
        this.news = sse.newBroadcaster("news");
    }

    @Override
    public Set<Object> getSingletons() {
        return Set.of(sse, new StreamResource(this), new ChatResource());
    }
}
