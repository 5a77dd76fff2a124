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
package org.ssekit.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Holds many SSE connections on one selector thread: opens them a bounded number at a time
 * from several loopback source addresses, reads and parses every stream, and counts events,
 * heartbeats and latencies. All state is touched by the selector thread only; other threads
 * submit tasks with {@link #call}.
 *
 * <p>Thread safety: {@link #call} and {@link #shutdown} may be used from any thread.
 */
public final class ClientPool implements Runnable, SseWireParser.Listener {
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final int SLOW_RECEIVE_BUFFER = 4096;

    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(256 * 1024);
    private final List<ClientConnection> open = new ArrayList<>();
    private final ArrayDeque<ClientConnection> handshaking = new ArrayDeque<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile boolean running = true;

    private OpenPlan plan;
    private ClientConnection slow;
    private long events;
    private long beats;
    private long lost;

    public ClientPool() throws IOException {
        this.selector = Selector.open();
    }

    /** What to open, and what to do once a connection has its response head. */
    private static final class OpenPlan {
        final InetSocketAddress target;
        final byte[] request;
        final List<InetAddress> sources;
        final int total;
        final int maxInFlight;
        final boolean churn;
        final boolean slowFirst;
        final long periodNanos;
        final CompletableFuture<String> done = new CompletableFuture<>();
        int started;
        int succeeded;
        int failed;
        long nextStartNanos = System.nanoTime();

        OpenPlan(InetSocketAddress target, String path, List<InetAddress> sources, int total,
                 int maxInFlight, boolean churn, boolean slowFirst, double perSecond) {
            this.target = target;
            this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + target.getHostString() + ":"
                    + target.getPort() + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            this.sources = sources;
            this.total = total;
            this.maxInFlight = maxInFlight;
            this.churn = churn;
            this.slowFirst = slowFirst;
            this.periodNanos = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
        }
    }

    /** Runs {@code task} on the selector thread and returns its answer. */
    public <T> T call(java.util.function.Supplier<T> task, long timeoutMillis) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                f.complete(task.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        selector.wakeup();
        return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Opens connections (or, for churn, opens and closes them); completes with "succeeded failed". */
    public CompletableFuture<String> open(InetSocketAddress target, String path, List<InetAddress> sources,
                                          int total, int maxInFlight, boolean churn, boolean slowFirst,
                                          double perSecond) throws Exception {
        return call(() -> {
            plan = new OpenPlan(target, path, sources, total, maxInFlight, churn, slowFirst, perSecond);
            if (total == 0) {
                plan.done.complete("0 0");
            }
            return plan.done;
        }, 5000);
    }

    /** "events beats open lost histogram" since the last reset. */
    public String stats() {
        return events + " " + beats + " " + open.size() + " " + lost + " " + latency.encode();
    }

    public void reset() {
        events = 0;
        beats = 0;
        lost = 0;
        latency.reset();
    }

    /** Stops reading the connection opened with a small receive buffer, so the server sees a consumer that stalls. */
    public void pauseFirst() {
        if (slow != null && open.contains(slow)) {
            slow.key.interestOps(0);
        }
    }

    public void closeAll() {
        for (ClientConnection c : open) {
            c.close();
        }
        open.clear();
        for (ClientConnection c : handshaking) {
            c.close();
        }
        handshaking.clear();
        plan = null;
        slow = null;
    }

    public void shutdown() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(20);
                runTasks();
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                expireHandshakes();
                startConnections();
            }
            closeAll();
            selector.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void runTasks() {
        Runnable t;
        while ((t = tasks.poll()) != null) {
            t.run();
        }
    }

    private void startConnections() {
        OpenPlan p = plan;
        long now = System.nanoTime();
        while (p != null && p.started < p.total && handshaking.size() < p.maxInFlight
                && now >= p.nextStartNanos) {
            p.nextStartNanos += p.periodNanos;
            startOne(p);
        }
    }

    private void startOne(OpenPlan p) {
        int n = p.started++;
        try {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            if (p.slowFirst && n == 0) {
                ch.setOption(StandardSocketOptions.SO_RCVBUF, SLOW_RECEIVE_BUFFER);
            }
            ch.bind(new InetSocketAddress(p.sources.get(n % p.sources.size()), 0));
            ClientConnection c = new ClientConnection(ch, new SseWireParser(this), ByteBuffer.wrap(p.request), p.churn);
            if (p.slowFirst && n == 0) {
                slow = c;
            }
            boolean connected = ch.connect(p.target);
            c.key = ch.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, c);
            handshaking.add(c);
        } catch (IOException e) {
            settle(p, null, false);
        }
    }

    private void handle(SelectionKey key) {
        ClientConnection c = (ClientConnection) key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable() && c.channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isWritable() && c.writeRequest()) {
                key.interestOps(SelectionKey.OP_READ);
            }
            if (key.isValid() && key.isReadable()) {
                read(c);
            }
        } catch (IOException e) {
            fail(c);
        }
    }

    private void read(ClientConnection c) throws IOException {
        for (int round = 0; round < 4; round++) {
            readBuffer.clear();
            int n = c.channel.read(readBuffer);
            if (n < 0) {
                fail(c);
                return;
            }
            if (n == 0) {
                return;
            }
            c.parser.feed(readBuffer.array(), 0, n);
            if (!c.settled && c.parser.headComplete()) {
                onHead(c);
                if (c.churn) {
                    return;
                }
            }
            if (n < readBuffer.capacity()) {
                return;
            }
        }
    }

    private void onHead(ClientConnection c) {
        boolean ok = c.parser.status() == 200;
        c.settled = true;
        handshaking.remove(c);
        if (ok && !c.churn) {
            open.add(c);
        } else {
            c.close();
        }
        settle(plan, c, ok);
    }

    private void fail(ClientConnection c) {
        c.close();
        if (!c.settled) {
            c.settled = true;
            handshaking.remove(c);
            settle(plan, c, false);
        } else if (open.remove(c)) {
            lost++;
        }
    }

    private void settle(OpenPlan p, ClientConnection c, boolean ok) {
        if (p == null) {
            return;
        }
        if (ok) {
            p.succeeded++;
        } else {
            p.failed++;
        }
        if (p.succeeded + p.failed == p.total) {
            p.done.complete(p.succeeded + " " + p.failed);
        }
    }

    private void expireHandshakes() {
        long now = System.nanoTime();
        while (!handshaking.isEmpty() && now - handshaking.peekFirst().startedNanos > CONNECT_TIMEOUT_NANOS) {
            ClientConnection c = handshaking.pollFirst();
            c.settled = true;
            c.close();
            settle(plan, c, false);
        }
    }

    @Override
    public void onEvent(long seq, long sentNanos) {
        events++;
        latency.record((System.nanoTime() - sentNanos) / 1000);
    }

    @Override
    public void onBeat() {
        beats++;
    }
}
