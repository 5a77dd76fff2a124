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

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ssekit.SseEvent;
import org.ssekit.servlet.SseFilter;

/** What a legacy app writes to publish: one call, no JAX-RS. */
public final class LegacyPublishServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = SseFilter.broadcaster(getServletContext())
                .publish(request.getParameter("channel"), SseEvent.of("order", request.getParameter("data"))).toCompletableFuture().join().id();
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().write(id);
    }
}
