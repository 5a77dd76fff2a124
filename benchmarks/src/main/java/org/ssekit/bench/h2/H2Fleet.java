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
package org.ssekit.bench.h2;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * HTTP/2 load: {@code connections} h2c sessions (prior knowledge) to the server, each carrying
 * its share of the streams, every stream reading and counting events ({@code data:} lines at
 * a line start; the benchmark's payloads are one line). Runs in the coordinator's JVM: the
 * whole fleet is a hundred sockets, not ten thousand.
 *
 * <p>Thread-safe counters; open and close from one thread.
 */
public final class H2Fleet implements AutoCloseable {
    private final HTTP2Client client;
    private final List<Session> sessions = new ArrayList<>();
    private final LongAdder events = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();

    public H2Fleet() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 4);
        threads.setName("h2-load");
        client = new HTTP2Client();
        client.setExecutor(threads);
        client.setSelectors(1);
        client.start();
    }

    /** Opens {@code streams} streams of {@code path} over {@code connections} sessions; returns the streams answered 200. */
    public int open(int port, String path, int connections, int streams, long timeoutMillis) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        for (int c = 0; c < connections; c++) {
            sessions.add(client.connect(address, new Session.Listener() { })
                    .get(timeoutMillis, TimeUnit.MILLISECONDS));
        }
        List<java.util.concurrent.CompletableFuture<Stream>> pending = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            Session session = sessions.get(i % connections);
            HttpFields.Mutable fields = HttpFields.build().add("accept", "text/event-stream");
            MetaData.Request request = new MetaData.Request("GET",
                    HttpURI.from("http://127.0.0.1:" + port + path), HttpVersion.HTTP_2, fields);
            pending.add(session.newStream(new HeadersFrame(request, null, true), new Counting()));
        }
        for (var p : pending) {
            p.get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (open.get() + ended.get() < streams && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return open.get();
    }

    public long events() {
        return events.sum();
    }

    public void reset() {
        events.reset();
    }

    /** Streams that answered 200 and have not ended. */
    public int open() {
        return open.get();
    }

    /** Waits until {@code expected} events arrived or {@code timeoutMillis} passed; returns the count. */
    public long awaitEvents(long expected, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long now;
        while ((now = events.sum()) < expected && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return now;
    }

    @Override
    public void close() throws Exception {
        for (Session s : sessions) {
            s.close(0, "done", Callback.NOOP);
        }
        sessions.clear();
        client.stop();
    }

    /** Counts {@code data:} lines across DATA frames without allocating per event. */
    private final class Counting implements Stream.Listener {
        private static final byte[] DATA = {'d', 'a', 't', 'a', ':'};
        private int matched;
        private boolean lineStart = true;

        @Override
        public void onHeaders(Stream stream, HeadersFrame frame) {
            if (frame.getMetaData() instanceof MetaData.Response response && response.getStatus() == 200) {
                open.incrementAndGet();
            }
            if (frame.isEndStream()) {
                ended.incrementAndGet();
            } else {
                stream.demand();
            }
        }

        @Override
        public void onDataAvailable(Stream stream) {
            Stream.Data data = stream.readData();
            if (data != null) {
                scan(data.frame().getByteBuffer());
                boolean last = data.frame().isEndStream();
                data.release();
                if (last) {
                    open.decrementAndGet();
                    ended.incrementAndGet();
                    return;
                }
            }
            stream.demand();
        }

        @Override
        public void onReset(Stream stream, ResetFrame frame, Callback callback) {
            open.decrementAndGet();
            ended.incrementAndGet();
            callback.succeeded();
        }

        private void scan(ByteBuffer buffer) {
            long found = 0;
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n' || b == '\r') {
                    lineStart = true;
                    matched = 0;
                    continue;
                }
                if (lineStart && matched < DATA.length && b == DATA[matched]) {
                    if (++matched == DATA.length) {
                        found++;
                        lineStart = false;
                    }
                } else {
                    lineStart = false;
                    matched = 0;
                }
            }
            if (found > 0) {
                events.add(found);
            }
        }
    }
}
