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
package org.ssekit.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ssekit.EventStream;
import org.ssekit.SseEvent;

/** A client connection in memory: what it was sent, in order, until it closed. */
final class RecordingStream implements EventStream {
    private final String lastEventId;
    private final List<SseEvent> received = new ArrayList<>();
    private final List<Runnable> onClose = new ArrayList<>();
    private boolean open = true;

    RecordingStream(String lastEventId) {
        this.lastEventId = lastEventId;
    }

    @Override
    public synchronized CompletionStage<Void> send(SseEvent event) {
        if (open) {
            received.add(event);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        List<Runnable> callbacks;
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
            callbacks = List.copyOf(onClose);
        }
        callbacks.forEach(Runnable::run);
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public void onClose(Runnable callback) {
        boolean now;
        synchronized (this) {
            now = !open;
            if (!now) {
                onClose.add(callback);
            }
        }
        if (now) {
            callback.run();
        }
    }

    @Override
    public Optional<String> lastEventId() {
        return Optional.ofNullable(lastEventId);
    }

    synchronized List<SseEvent> received() {
        return List.copyOf(received);
    }

    synchronized int size() {
        return received.size();
    }
}
