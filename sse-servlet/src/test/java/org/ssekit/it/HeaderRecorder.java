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

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A core Jetty handler in front of the servlet context that records each response's header
 * fields as the application and the servlet layer left them when the response commits, before
 * any protocol encoder drops fields (Jetty's HTTP/2 encoder removes connection-specific ones).
 */
final class HeaderRecorder extends Handler.Wrapper {
    /** One committed response: the request path and its header fields. */
    record Committed(String path, HttpFields fields) {
    }

    private final List<Committed> committed = new CopyOnWriteArrayList<>();

    List<Committed> committed() {
        return List.copyOf(committed);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        Response recording = new Response.Wrapper(request, response) {
            private final AtomicBoolean first = new AtomicBoolean(true);

            @Override
            public void write(boolean last, ByteBuffer content, Callback done) {
                if (first.compareAndSet(true, false)) {
                    committed.add(new Committed(path, getHeaders().asImmutable()));
                }
                super.write(last, content, done);
            }
        };
        return super.handle(request, recording, callback);
    }
}
