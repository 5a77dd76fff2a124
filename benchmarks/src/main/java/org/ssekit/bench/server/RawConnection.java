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
package org.ssekit.bench.server;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * One raw connection: a queue of frames written with the servlet non-blocking API, write then
 * flush, each only when {@code isReady()}. Over 1 MiB queued, the connection is dropped.
 */
final class RawConnection implements WriteListener, AsyncListener {
    private static final int MAX_QUEUED_BYTES = 1 << 20;

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Consumer<RawConnection> onEnd;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private int queuedBytes;
    private boolean dirty;
    private boolean ended;

    RawConnection(AsyncContext async, ServletOutputStream out, Consumer<RawConnection> onEnd) {
        this.async = async;
        this.out = out;
        this.onEnd = onEnd;
    }

    void start(byte[] first) {
        async.addListener(this);
        synchronized (this) {
            queue.add(first);
            queuedBytes += first.length;
        }
        out.setWriteListener(this);
    }

    void send(byte[] frame) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (queuedBytes + frame.length > MAX_QUEUED_BYTES) {
                end();
                return;
            }
            queue.add(frame);
            queuedBytes += frame.length;
        }
        pump();
    }

    private synchronized void pump() {
        try {
            while (!ended && out.isReady()) {
                if (dirty) {
                    out.flush();
                    dirty = false;
                } else if (queue.isEmpty()) {
                    return;
                } else {
                    byte[] batch = takeAll();
                    out.write(batch);
                    dirty = true;
                }
            }
        } catch (IOException | IllegalStateException e) {
            end();
        }
    }

    private byte[] takeAll() {
        if (queue.size() == 1) {
            queuedBytes = 0;
            return queue.poll();
        }
        byte[] all = new byte[queuedBytes];
        int at = 0;
        for (byte[] f : queue) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        queue.clear();
        queuedBytes = 0;
        return all;
    }

    private synchronized void end() {
        if (ended) {
            return;
        }
        ended = true;
        queue.clear();
        onEnd.accept(this);
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // The container completed the exchange first.
        }
    }

    @Override
    public void onWritePossible() {
        pump();
    }

    @Override
    public void onError(Throwable t) {
        end();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // One async cycle per connection.
    }
}
