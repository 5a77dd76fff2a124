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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ssekit.Broadcaster;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;

/**
 * The stream's contract under concurrency, over many seeds: several senders, a transport that is
 * ready or not at random (its write-possible callback comes from another thread), random closes
 * and aborts. Every stage completes exactly once, in send order also on failure, all before the
 * close callbacks; what was written is exactly the frames whose stages succeeded, in order; a send
 * from a completion callback neither recurses nor is lost; nothing is written after the end.
 */
class OutboundStreamRandomizedTest {
    private static final ExecutorService WRITER_POOL = Executors.newFixedThreadPool(3);
    private static final ScheduledExecutorService CONTAINER = Executors.newScheduledThreadPool(2);
    private static final int SENDERS = 4;
    private static final int PER_SENDER = 300;

    @AfterAll
    static void stopPools() {
        WRITER_POOL.shutdownNow();
        CONTAINER.shutdownNow();
    }

    static IntStream seeds() {
        return IntStream.range(0, 60);
    }

    /** A container's non-blocking output: ready or not at random, one owner at a time, never used after close. */
    private static final class RandomTransport implements Transport {
        private final Random random;
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private final AtomicBoolean inUse = new AtomicBoolean();
        private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        private final int failAfterWrites;
        private OutboundStream stream;
        private boolean pending; // isReady said false; the callback has not come yet
        private boolean closed;
        private int writes;
        private int closes;

        RandomTransport(Random random, int failAfterWrites) {
            this.random = random;
            this.failAfterWrites = failAfterWrites;
        }

        @Override
        public void start(OutboundStream s) {
            synchronized (this) {
                stream = s;
            }
            CONTAINER.execute(s::onWritable);
        }

        @Override
        public synchronized boolean isReady() {
            if (pending) {
                violations.add("isReady again before the write-possible callback");
            }
            if (random.nextInt(3) > 0) {
                return true;
            }
            pending = true;
            CONTAINER.schedule(() -> {
                synchronized (this) {
                    pending = false;
                }
                stream.onWritable();
            }, random.nextInt(300), TimeUnit.MICROSECONDS);
            return false;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            enter("write");
            try {
                synchronized (this) {
                    if (closed || pending) {
                        violations.add(closed ? "write after close" : "write while not ready");
                    }
                    if (++writes == failAfterWrites) {
                        throw new IOException("Broken pipe");
                    }
                    written.write(bytes, offset, length);
                }
            } finally {
                inUse.set(false);
            }
        }

        @Override
        public void flush() {
            enter("flush");
            synchronized (this) {
                if (closed || pending) {
                    violations.add(closed ? "flush after close" : "flush while not ready");
                }
            }
            inUse.set(false);
        }

        @Override
        public synchronized void close() {
            closes++;
            closed = true;
        }

        private void enter(String what) {
            if (!inUse.compareAndSet(false, true)) {
                violations.add("two threads in the transport at once (" + what + ")");
            }
        }

        synchronized String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    /** One sent event and what became of it. */
    private record Sent(int sender, int n, String frame, CompletableFuture<Void> stage) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyStageCompletesOnceInSendOrderBeforeTheCloseCallbacks(int seed) throws Exception {
        Random random = new Random(seed);
        int ending = random.nextInt(4); // 0: close at the end, 1: close midway, 2: abort midway, 3: failed write
        RandomTransport transport = new RandomTransport(new Random(seed * 31L), ending == 3 ? 20 + random.nextInt(40) : -1);
        SseConfig config = SseConfig.builder().maxQueuedEvents(100_000).maxQueuedBytes(1L << 30).build();
        OutboundStream stream = new OutboundStream(transport, config, null, new Counters(),
                Writers.on(WRITER_POOL, 2));
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>()); // in enqueue order
        ConcurrentLinkedQueue<String> completionOrder = new ConcurrentLinkedQueue<>();
        AtomicInteger maxNestedDepth = new AtomicInteger();
        CountDownLatch closed = new CountDownLatch(1);
        List<String> closeViolations = Collections.synchronizedList(new ArrayList<>());
        stream.onClose(() -> {
            synchronized (sent) {
                for (Sent s : sent) {
                    if (!s.stage().isDone()) {
                        closeViolations.add("stage of " + s.sender() + "/" + s.n() + " not done when onClose ran");
                    }
                }
            }
            closed.countDown();
        });
        stream.begin();

        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            int sender = t;
            Thread th = new Thread(() -> {
                awaitQuietly(go);
                for (int n = 0; n < PER_SENDER; n++) {
                    send(stream, sent, completionOrder, sender, n, maxNestedDepth);
                    if (sender == 0 && n == PER_SENDER / 2 && ending == 1) {
                        stream.close();
                    }
                    if (sender == 0 && n == PER_SENDER / 2 && ending == 2) {
                        stream.abort(new IOException("client went away"));
                    }
                }
            });
            senders.add(th);
            th.start();
        }
        go.countDown();
        for (Thread th : senders) {
            th.join(20_000);
        }
        stream.close();
        assertThat(closed.await(20, TimeUnit.SECONDS)).as("the stream ended").isTrue();

        List<Sent> all;
        synchronized (sent) {
            all = List.copyOf(sent);
        }
        for (Sent s : all) {
            assertThat(s.stage()).as("stage of %d/%d", s.sender(), s.n()).isDone();
        }
        assertThat(transport.violations).isEmpty();
        assertThat(closeViolations).isEmpty();
        assertThat(transport.closes).isEqualTo(1);
        // Per sender: successes form a prefix, failures the rest, and completions came in send order.
        for (int t = 0; t < SENDERS; t++) {
            int sender = t;
            boolean failedYet = false;
            for (Sent s : all.stream().filter(s -> s.sender() == sender).toList()) {
                boolean failed = s.stage().isCompletedExceptionally();
                assertThat(failedYet && !failed).as("%d/%d succeeded after an earlier send failed", sender, s.n())
                        .isFalse();
                failedYet |= failed;
            }
            List<Integer> order = completionOrder.stream().filter(c -> c.startsWith(sender + "/"))
                    .map(c -> Integer.parseInt(c.substring(c.indexOf('/') + 1))).toList();
            assertThat(order).as("completion order of sender %d", sender).isSorted();
        }
        // On the wire: exactly the frames whose stages succeeded, in enqueue order, then at most
        // the batch that was in flight when the stream ended (its stages failed).
        List<String> written = splitFrames(transport.text());
        List<String> succeeded = all.stream().filter(s -> !s.stage().isCompletedExceptionally()).map(Sent::frame).toList();
        assertThat(written.size()).isGreaterThanOrEqualTo(succeeded.size());
        assertThat(written.subList(0, succeeded.size())).containsExactlyElementsOf(succeeded);
        List<String> failedFrames = all.stream().filter(s -> s.stage().isCompletedExceptionally()).map(Sent::frame).toList();
        assertThat(failedFrames).containsAll(written.subList(succeeded.size(), written.size()));
        if (ending == 0) {
            assertThat(succeeded).as("a stream closed at the end delivers everything").hasSameSizeAs(all);
        }
        assertThat(maxNestedDepth.get()).as("a send from a completion callback does not recurse").isLessThan(400);
    }

    private static void send(OutboundStream stream, List<Sent> sent, ConcurrentLinkedQueue<String> completionOrder,
            int sender, int n, AtomicInteger maxNestedDepth) {
        String data = sender + "/" + n;
        String frame = "data: " + data + "\n\n";
        synchronized (sent) {
            CompletableFuture<Void> stage = stream.send(SseEvent.of(data)).toCompletableFuture();
            sent.add(new Sent(sender, n, frame, stage));
            stage.whenComplete((ok, failure) -> {
                completionOrder.add(data);
                if (n % 50 == 0 && failure == null) {
                    // A send from a completion callback: allowed, and it must not run the writer here.
                    maxNestedDepth.accumulateAndGet(Thread.currentThread().getStackTrace().length, Math::max);
                    stream.send(SseEvent.of("nested " + data));
                }
            });
        }
    }

    private static List<String> splitFrames(String text) {
        List<String> frames = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf("\n\n", at);
            if (end < 0) {
                break;
            }
            String frame = text.substring(at, end + 2);
            if (!frame.startsWith("data: nested ")) {
                frames.add(frame);
            }
            at = end + 2;
        }
        return frames;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
