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
package org.ssekit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Transport} the test drives: it takes writes while "ready", can stall after each
 * write and flush like a full socket, and can fail like a reset connection.
 */
final class ScriptedTransport implements Transport {
    /** Writers that run on the scheduling thread, so a test sees the writes when its call returns. */
    static final Writers INLINE = Writers.on(Runnable::run, 1);

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<Integer> writeSizes = new ArrayList<>();
    private OutboundStream stream;
    private boolean ready = true;
    /** Like Open Liberty: a write or flush needs an isReady() true since the last one. */
    private boolean askedSinceLastOperation;
    private boolean stallAfterOp;
    private IOException failure;
    private int flushes;
    private boolean writesMayBlock;
    private final List<String> writerThreads = new ArrayList<>();
    private int closes;
    private int starts;

    void attach(OutboundStream s) {
        this.stream = s;
    }

    /** Begun: like a container, it says when it can take a write; here the test calls {@link #becomeReady}. */
    @Override
    public synchronized void start(OutboundStream s) {
        this.stream = s;
        starts++;
    }

    synchronized int starts() {
        return starts;
    }

    synchronized void stallAfterEachOperation(boolean stall) {
        this.stallAfterOp = stall;
    }

    /** Like the socket draining: becomes ready and calls the stream back. */
    void becomeReady() {
        synchronized (this) {
            ready = true;
        }
        stream.onWritable();
    }

    synchronized void writesMayBlock(boolean value) {
        this.writesMayBlock = value;
    }

    @Override
    public synchronized boolean writesMayBlock() {
        return writesMayBlock;
    }

    /** The names of the threads that wrote, one per write. */
    synchronized List<String> writerThreads() {
        return List.copyOf(writerThreads);
    }

    synchronized void failWith(IOException e) {
        this.failure = e;
    }

    @Override
    public synchronized boolean isReady() throws IOException {
        if (failure != null) {
            throw failure;
        }
        askedSinceLastOperation = ready;
        return ready;
    }

    private void checkAsked(String operation) {
        if (!askedSinceLastOperation) {
            throw new IllegalStateException(operation + " without an isReady() true since the last operation");
        }
        askedSinceLastOperation = false;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (!ready) {
            throw new IllegalStateException("write while not ready");
        }
        checkAsked("write");
        if (failure != null) {
            throw failure;
        }
        written.write(bytes, offset, length);
        writerThreads.add(Thread.currentThread().getName());
        writeSizes.add(length);
        ready = !stallAfterOp;
    }

    @Override
    public synchronized void flush() {
        if (!ready) {
            throw new IllegalStateException("flush while not ready");
        }
        checkAsked("flush");
        flushes++;
        ready = !stallAfterOp;
    }

    @Override
    public synchronized void close() {
        closes++;
    }

    synchronized String text() {
        return written.toString(StandardCharsets.UTF_8);
    }

    synchronized int writes() {
        return writeSizes.size();
    }

    synchronized int flushes() {
        return flushes;
    }

    synchronized int closes() {
        return closes;
    }
}
