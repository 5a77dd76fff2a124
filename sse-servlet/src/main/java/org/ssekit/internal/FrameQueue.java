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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The frames of one stream, oldest first: those in flight (taken by the writer, not yet
 * complete), then those queued. Each slot is one frame and the stage of its sender, or null for
 * a broadcast frame, kept in two parallel ring arrays, so queuing allocates nothing once the
 * ring has grown. Not thread-safe: the owning stream guards it.
 */
final class FrameQueue {
    private static final int INITIAL = 4;
    private static final int SHRINK_ABOVE = 64;

    private byte[][] frames = new byte[INITIAL][];
    private CompletableFuture<Void>[] stages = newStages(INITIAL);
    private int head;       // the oldest slot
    private int inFlight;   // slots from head that the writer has taken
    private int size;       // all slots
    private long queuedBytes;
    private boolean closed; // takes no more frames; the writer ends the stream once drained

    int queued() {
        return size - inFlight;
    }

    long queuedBytes() {
        return queuedBytes;
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    void add(byte[] frame, CompletableFuture<Void> stage) {
        if (size == frames.length) {
            grow();
        }
        int at = (head + size) & (frames.length - 1);
        frames[at] = frame;
        stages[at] = stage;
        size++;
        queuedBytes += frame.length;
    }

    /**
     * Moves queued frames into flight, oldest first, up to {@code maxBytes} (at least one frame);
     * returns how many.
     */
    int take(int maxBytes) {
        int taken = 0;
        long bytes = 0;
        int mask = frames.length - 1;
        while (inFlight < size) {
            byte[] next = frames[(head + inFlight) & mask];
            if (taken > 0 && bytes + next.length > maxBytes) {
                break;
            }
            bytes += next.length;
            inFlight++;
            taken++;
        }
        queuedBytes -= bytes;
        return taken;
    }

    int inFlight() {
        return inFlight;
    }

    /**
     * The frames in flight as one buffer, for one write: the frame itself when there is one (a
     * broadcast frame is shared, never copied), else a fresh copy, since the container may keep
     * the buffer until its write completes.
     */
    byte[] inFlightBytes() {
        int mask = frames.length - 1;
        if (inFlight == 1) {
            return frames[head];
        }
        int total = 0;
        for (int i = 0; i < inFlight; i++) {
            total += frames[(head + i) & mask].length;
        }
        byte[] joined = new byte[total];
        int at = 0;
        for (int i = 0; i < inFlight; i++) {
            byte[] f = frames[(head + i) & mask];
            System.arraycopy(f, 0, joined, at, f.length);
            at += f.length;
        }
        return joined;
    }

    /**
     * Drops the frames in flight, adding their stages (in send order) to {@code stages} and
     * returning how many of them were events (not heartbeats or other control frames).
     */
    int retire(List<CompletableFuture<Void>> done) {
        int mask = frames.length - 1;
        int events = 0;
        for (int i = 0; i < inFlight; i++) {
            int at = (head + i) & mask;
            if (stages[at] != null) {
                done.add(stages[at]);
            }
            if (frames[at] != EventEncoder.HEARTBEAT) {
                events++;
            }
            frames[at] = null;
            stages[at] = null;
        }
        head = (head + inFlight) & mask;
        size -= inFlight;
        inFlight = 0;
        if (size == 0 && frames.length > SHRINK_ABOVE) {
            // A burst grew the ring; an idle stream goes back to a few bytes.
            frames = new byte[INITIAL][];
            stages = newStages(INITIAL);
            head = 0;
        }
        return events;
    }

    /** Empties the queue and returns every stage, in flight first, then queued, in send order. */
    List<CompletableFuture<Void>> clear() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        int mask = frames.length - 1;
        for (int i = 0; i < size; i++) {
            int at = (head + i) & mask;
            if (stages[at] != null) {
                all.add(stages[at]);
            }
        }
        Arrays.fill(frames, null);
        Arrays.fill(stages, null);
        head = 0;
        size = 0;
        inFlight = 0;
        queuedBytes = 0;
        return all;
    }

    private void grow() {
        int n = frames.length;
        byte[][] f = new byte[n * 2][];
        CompletableFuture<Void>[] s = newStages(n * 2);
        for (int i = 0; i < size; i++) {
            f[i] = frames[(head + i) & (n - 1)];
            s[i] = stages[(head + i) & (n - 1)];
        }
        frames = f;
        stages = s;
        head = 0;
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Void>[] newStages(int n) {
        return new CompletableFuture[n];
    }
}
