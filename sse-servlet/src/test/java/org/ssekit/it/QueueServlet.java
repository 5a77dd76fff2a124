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

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.ssekit.EventStream;
import org.ssekit.servlet.SseServlet;
import org.ssekit.servlet.SseStreams;

/** An SseServlet that hands every opened stream to the test. */
final class QueueServlet extends SseServlet {
    private static final long serialVersionUID = 1L;
    private final transient BlockingQueue<EventStream> opened = new LinkedBlockingQueue<>();

    @Override
    protected void onOpen(HttpServletRequest request, EventStream stream) {
        opened.add(stream);
    }

    EventStream next(Duration timeout) throws InterruptedException {
        EventStream s = opened.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new AssertionError("no stream opened within " + timeout);
        }
        return s;
    }

    SseStreams open() {
        return streams();
    }
}
