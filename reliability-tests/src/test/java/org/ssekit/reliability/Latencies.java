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
package org.ssekit.reliability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.ssekit.conformance.client.EventStreamParser;
import org.ssekit.conformance.client.MessageEvent;

/**
 * Healthy clients that read all the time and record, for each event whose data starts with
 * the publisher's System.nanoTime, the latency from publish to parse (one JVM, one clock).
 */
final class Latencies implements AutoCloseable {
    private final List<SseSocketClient> clients = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private final List<Long> samples = new ArrayList<>();
    private final AtomicBoolean recording = new AtomicBoolean();
    final AtomicLong events = new AtomicLong();
    final AtomicLong errors = new AtomicLong();

    Latencies(Target target, String channel, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            SseSocketClient c = SseSocketClient.connect("127.0.0.1", target.port(), "/events?channel=" + channel + "&client=h" + i, null, 0);
            if (c.status != 200) {
                throw new IOException("healthy client got " + c.status);
            }
            clients.add(c);
            Thread t = new Thread(() -> read(c), "healthy " + i);
            t.setDaemon(true);
            readers.add(t);
            t.start();
        }
    }

    private void read(SseSocketClient c) {
        byte[] buf = new byte[16384];
        EventStreamParser parser = new EventStreamParser(new EventStreamParser.Listener() {
            @Override
            public void onEvent(MessageEvent event) {
                long now = System.nanoTime();
                String d = event.data();
                int sp = d.indexOf(' ');
                long sent = Long.parseLong(sp < 0 ? d : d.substring(0, sp));
                events.incrementAndGet();
                if (recording.get()) {
                    synchronized (samples) {
                        samples.add(now - sent);
                    }
                }
            }
        });
        try {
            while (c.pump(parser, buf)) {
                // the listener records
            }
        } catch (IOException e) {
            if (!c.socket.isClosed()) {
                errors.incrementAndGet();
            }
        }
    }

    void record(boolean on) {
        recording.set(on);
    }

    /** The p-th percentile (0..100) of what was recorded since the last call, in milliseconds; clears. */
    double percentileMillisAndClear(double p) {
        List<Long> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
            samples.clear();
        }
        if (copy.isEmpty()) {
            throw new IllegalStateException("no latency recorded");
        }
        copy.sort(null);
        int idx = (int) Math.min(copy.size() - 1, Math.ceil(p / 100 * copy.size()) - 1);
        return copy.get(Math.max(0, idx)) / 1e6;
    }

    void clear() {
        synchronized (samples) {
            samples.clear();
        }
    }

    int size() {
        synchronized (samples) {
            return samples.size();
        }
    }

    @Override
    public void close() {
        clients.forEach(SseSocketClient::close);
    }
}
