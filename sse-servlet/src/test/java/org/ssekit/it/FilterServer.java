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
