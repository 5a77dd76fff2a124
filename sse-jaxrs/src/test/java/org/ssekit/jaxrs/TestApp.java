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
