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
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.ssekit.conformance.client.EventStreamParser;
import org.ssekit.conformance.client.MessageEvent;

/**
 * Many event-stream clients on one selector thread. Each behaves as a browser's EventSource:
 * it keeps the last {@code retry} it got, and when its stream ends it reconnects after that
 * delay with Last-Event-ID. Every event's data is a sequence number; each client checks its
 * own numbers run on by one. Not thread-safe: call from the test thread; the loop runs on its own.
 */
final class NioSseClients implements AutoCloseable {
    final List<Conn> conns = new ArrayList<>();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger statusNot200 = new AtomicInteger();
    private final Selector selector;
    private final InetSocketAddress address;
    private final String path;
    private final ConcurrentLinkedQueue<Conn> toConnect = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Conn> scheduled = new PriorityQueue<>((a, b) -> Long.compare(a.reconnectAtNanos, b.reconnectAtNanos));
    private final Thread loop;
    private volatile boolean running = true;
    volatile boolean reconnect = true;
    private final AtomicInteger connecting = new AtomicInteger();
    private static final int MAX_CONNECTING = 256;

    /** One client. Fields are written by the loop thread and read by the test after the loop settles. */
    static final class Conn {
        final int index;
        SocketChannel channel;
        final StringBuilder head = new StringBuilder();
        boolean headDone;
        boolean chunked;
        int chunkState; // 0 size line, 1 data, 2 CRLF after data, 3 done
        long chunkLeft;
        final StringBuilder sizeLine = new StringBuilder();
        EventStreamParser parser;
        volatile long retryMillis = -1;
        volatile String lastId;
        volatile long expected = -1;
        volatile long received;
        volatile long lost;
        volatile long duplicated;
        volatile long dropNanos;
        long reconnectAtNanos;
        volatile int connects;
        volatile int status;
        volatile boolean streaming;

        Conn(int index) {
            this.index = index;
        }
    }

    NioSseClients(int port, String path, int count) throws IOException {
        this.selector = Selector.open();
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.path = path;
        for (int i = 0; i < count; i++) {
            Conn c = new Conn(i);
            conns.add(c);
            toConnect.add(c);
        }
        loop = new Thread(this::run, "nio-sse-clients");
        loop.setDaemon(true);
        loop.start();
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocateDirect(65536);
        byte[] bytes = new byte[65536];
        while (running) {
            try {
                long now = System.nanoTime();
                synchronized (scheduled) {
                    while (!scheduled.isEmpty() && scheduled.peek().reconnectAtNanos <= now) {
                        toConnect.add(scheduled.poll());
                    }
                }
                while (connecting.get() < MAX_CONNECTING) {
                    Conn c = toConnect.poll();
                    if (c == null) {
                        break;
                    }
                    start(c);
                }
                selector.select(5);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    try {
                        if (key.isConnectable() && c.channel.finishConnect()) {
                            String req = "GET " + path + (path.contains("?") ? "&" : "?") + "client=n" + c.index + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
                                    + "\r\nAccept: text/event-stream\r\n"
                                    + (c.lastId == null || c.lastId.isEmpty() ? "" : "Last-Event-ID: " + c.lastId + "\r\n") + "\r\n";
                            c.channel.write(ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII)));
                            key.interestOps(SelectionKey.OP_READ);
                        } else if (key.isReadable()) {
                            buf.clear();
                            int n = c.channel.read(buf);
                            if (n < 0) {
                                ended(c, key);
                            } else if (n > 0) {
                                buf.flip();
                                buf.get(bytes, 0, n);
                                feed(c, bytes, n, key);
                                if (!key.isValid()) {
                                    continue;
                                }
                            }
                        }
                    } catch (IOException e) {
                        ended(c, key);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                System.out.println("[nio] loop error " + e);
            }
        }
    }

    private void start(Conn c) throws IOException {
        c.head.setLength(0);
        c.headDone = false;
        c.chunked = false;
        c.chunkState = 0;
        c.chunkLeft = 0;
        c.sizeLine.setLength(0);
        c.parser = new EventStreamParser(new EventStreamParser.Listener() {
            @Override
            public void onEvent(MessageEvent event) {
                long v = Long.parseLong(event.data());
                if (c.expected >= 0) {
                    if (v > c.expected) {
                        c.lost += v - c.expected;
                    } else if (v < c.expected) {
                        c.duplicated++;
                    }
                }
                if (v >= c.expected) {
                    c.expected = v + 1;
                }
                c.lastId = event.lastEventId();
                c.received++;
            }

            @Override
            public void onRetry(long millis) {
                c.retryMillis = millis;
            }
        });
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.channel = ch;
        c.connects++;
        connecting.incrementAndGet();
        if (ch.connect(address)) {
            ch.register(selector, SelectionKey.OP_CONNECT, c);
        } else {
            ch.register(selector, SelectionKey.OP_CONNECT, c);
        }
    }

    private void feed(Conn c, byte[] b, int n, SelectionKey key) {
        int i = 0;
        if (!c.headDone) {
            while (i < n && !c.headDone) {
                c.head.append((char) (b[i++] & 0xff));
                int len = c.head.length();
                if (len >= 4 && c.head.charAt(len - 1) == '\n' && c.head.charAt(len - 2) == '\r'
                        && c.head.charAt(len - 3) == '\n' && c.head.charAt(len - 4) == '\r') {
                    c.headDone = true;
                    String h = c.head.toString();
                    c.status = Integer.parseInt(h.substring(9, 12));
                    c.chunked = h.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
                    connecting.decrementAndGet();
                    if (c.status != 200) {
                        statusNot200.incrementAndGet();
                    } else {
                        c.streaming = true;
                        open.incrementAndGet();
                    }
                }
            }
        }
        if (!c.chunked) {
            if (i < n) {
                c.parser.feed(b, i, n - i);
            }
            return;
        }
        while (i < n) {
            switch (c.chunkState) {
                case 0 -> {
                    char ch = (char) (b[i++] & 0xff);
                    if (ch == '\n') {
                        String s = c.sizeLine.toString().trim();
                        c.sizeLine.setLength(0);
                        if (!s.isEmpty()) {
                            int semi = s.indexOf(';');
                            c.chunkLeft = Long.parseLong(semi < 0 ? s : s.substring(0, semi), 16);
                            c.chunkState = c.chunkLeft == 0 ? 3 : 1;
                        }
                    } else {
                        c.sizeLine.append(ch);
                    }
                }
                case 1 -> {
                    int take = (int) Math.min(n - i, c.chunkLeft);
                    c.parser.feed(b, i, take);
                    i += take;
                    c.chunkLeft -= take;
                    if (c.chunkLeft == 0) {
                        c.chunkState = 0; // the CRLF after the data reads as an empty size line
                    }
                }
                default -> i = n;
            }
        }
        if (c.chunkState == 3) {
            ended(c, key); // the last chunk: the server ended the stream (the connection may stay)
        }
    }

    private void ended(Conn c, SelectionKey key) {
        key.cancel();
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // closing
        }
        if (!c.headDone) {
            connecting.decrementAndGet();
        }
        if (c.streaming) {
            c.streaming = false;
            open.decrementAndGet();
        }
        c.dropNanos = System.nanoTime();
        if (reconnect && running) {
            long delay = c.retryMillis >= 0 ? c.retryMillis : 3000;
            c.reconnectAtNanos = c.dropNanos + delay * 1_000_000L;
            synchronized (scheduled) {
                scheduled.add(c);
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Conn c : conns) {
            if (c.channel != null) {
                c.channel.close();
            }
        }
        selector.close();
    }
}
