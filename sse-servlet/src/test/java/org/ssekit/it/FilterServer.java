package org.ssekit.it;

import java.util.HashMap;
import java.util.Map;

import org.ssekit.Broadcaster;
import org.ssekit.servlet.SseFilter;

/** A TestServer with an SseFilter on /events, configured by init-params. */
final class FilterServer {
    private FilterServer() {
    }

    static TestServer start(String... initParams) throws Exception {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < initParams.length; i += 2) {
            params.put(initParams[i], initParams[i + 1]);
        }
        return new TestServer().filter("/events", new SseFilter(), params).start();
    }

    static Broadcaster broadcaster(TestServer server) {
        return SseFilter.broadcaster(server.context().getServletContext());
    }
}
