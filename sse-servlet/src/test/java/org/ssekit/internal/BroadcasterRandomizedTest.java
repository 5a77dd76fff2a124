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
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ssekit.Broadcaster;
import org.ssekit.PublishResult;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;

/**
 * RES-02 under concurrency, over many seeds: several publishers on two channels, clients that
 * subscribe to one or both, are cut off at random moments (abort, or a normal close) and come
 * back with the id of the last event they received, over transports that are ready or not at
 * random. Every client ends up with exactly the events of its channels, in id order: no gap, no
 * duplicate, also across the replay-to-live hand-off.
 */
class BroadcasterRandomizedTest {
    private static final ExecutorService WRITER_POOL = Executors.newFixedThreadPool(2);
    private static final ScheduledExecutorService CONTAINER = Executors.newScheduledThreadPool(2);
    private static final Pattern FRAME = Pattern.compile("id: (\\S+)\ndata: (\\S+)\n\n");
    private static final int PUBLISHERS = 3;
    private static final int PER_PUBLISHER = 400;
    private static final int CLIENTS = 6;

    @AfterAll
    static void stopPools() {
        WRITER_POOL.shutdownNow();
        CONTAINER.shutdownNow();
    }

    static IntStream seeds() {
        return IntStream.range(0, 12);
    }

    /** Takes writes when ready; otherwise says so and calls back from another thread a little later. */
    private static final class FlakyTransport implements Transport {
        private final Random random;
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private OutboundStream stream;
        private boolean closed;
        private boolean writeAfterClose;

        FlakyTransport(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public synchronized void start(OutboundStream s) {
            stream = s;
            CONTAINER.execute(s::onWritable);
        }

        @Override
        public synchronized boolean isReady() {
            if (random.nextInt(4) > 0) {
                return true;
            }
            OutboundStream s = stream;
            CONTAINER.schedule(s::onWritable, random.nextInt(200), TimeUnit.MICROSECONDS);
            return false;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            writeAfterClose |= closed;
            written.write(bytes, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public synchronized void close() {
            closed = true;
        }

        synchronized String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    private record Published(long seq, String channel, String data) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void res02EveryClientGetsEveryEventOfItsChannelsOnceInOrderAcrossReconnects(int seed) throws Exception {
        Broadcaster broadcaster = Broadcaster.builder().maxReplay(100_000)
                .eventLog(new RingEventLog(100_000, 1L << 30, java.time.Duration.ofHours(1), java.time.Clock.systemUTC()))
                .build();
        Writers writers = Writers.on(WRITER_POOL, 2);
        SseConfig config = SseConfig.builder().maxQueuedEvents(100_000).maxQueuedBytes(1L << 30).build();
        List<Published> published = Collections.synchronizedList(new ArrayList<>());
        // Clients start from this id, so even one cut off before its first event resumes from a
        // known place (a client without any id can only start "from now", by the protocol).
        String genesis = broadcaster.publish("a", SseEvent.of("genesis")).toCompletableFuture().join().id();
        CountDownLatch publishersDone = new CountDownLatch(PUBLISHERS);
        CountDownLatch everyClientSubscribed = new CountDownLatch(CLIENTS);
        for (int p = 0; p < PUBLISHERS; p++) {
            int publisher = p;
            new Thread(() -> {
                awaitQuietly(everyClientSubscribed); // a first connection gets the events after it
                Random random = new Random(seed * 1000L + publisher);
                List<CompletableFuture<PublishResult>> stages = new ArrayList<>();
                List<String[]> sent = new ArrayList<>();
                for (int i = 0; i < PER_PUBLISHER; i++) {
                    String channel = random.nextBoolean() ? "a" : "b";
                    String data = publisher + "." + i;
                    stages.add(broadcaster.publish(channel, SseEvent.of(data)).toCompletableFuture());
                    sent.add(new String[] {channel, data});
                    if (random.nextInt(50) == 0) {
                        Thread.yield();
                    }
                }
                for (int i = 0; i < stages.size(); i++) {
                    String id = stages.get(i).join().id();
                    published.add(new Published(Long.parseLong(id.substring(id.lastIndexOf('-') + 1)),
                            sent.get(i)[0], sent.get(i)[1]));
                }
                publishersDone.countDown();
            }).start();
        }
        List<Thread> clients = new ArrayList<>();
        List<List<String>> received = new ArrayList<>();
        List<List<String>> channelsOf = new ArrayList<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < CLIENTS; c++) {
            List<String> channels = c % 3 == 0 ? List.of("a") : c % 3 == 1 ? List.of("b") : List.of("a", "b");
            List<String> got = new ArrayList<>();
            received.add(got);
            channelsOf.add(channels);
            int client = c;
            Thread t = new Thread(() -> {
                Random random = new Random(seed * 7919L + client);
                String last = genesis;
                int round = 0;
                boolean finalRound = false;
                while (true) {
                    finalRound = publishersDone.getCount() == 0;
                    FlakyTransport transport = new FlakyTransport(random.nextLong());
                    OutboundStream stream = new OutboundStream(transport, config, last, new Counters(), writers);
                    CountDownLatch ended = new CountDownLatch(1);
                    stream.onClose(ended::countDown);
                    broadcaster.subscribe(stream, channels);
                    stream.begin();
                    if (round == 0) {
                        everyClientSubscribed.countDown();
                    }
                    if (finalRound) {
                        // Everything is published: stay until the rest of this client's events arrived.
                        long want = published.stream().filter(p -> channels.contains(p.channel())).count();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while (got.size() + countFrames(transport.text()) < want && System.nanoTime() < deadline) {
                            sleepMicros(2_000);
                        }
                    } else {
                        sleepMicros(random.nextInt(3_000));
                    }
                    if (random.nextBoolean()) {
                        stream.abort(new IOException("client went away"));
                    } else {
                        stream.close();
                    }
                    awaitQuietly(ended);
                    if (transport.writeAfterClose) {
                        violations.add("client " + client + " round " + round + ": write after close");
                    }
                    Matcher m = FRAME.matcher(transport.text());
                    while (m.find()) {
                        got.add(m.group(2));
                        last = m.group(1);
                    }
                    if (transport.text().contains("event: reset")) {
                        violations.add("client " + client + " got the reset event");
                    }
                    round++;
                    if (finalRound) {
                        return;
                    }
                }
            });
            clients.add(t);
            t.start();
        }
        assertThat(publishersDone.await(30, TimeUnit.SECONDS)).isTrue();
        for (Thread t : clients) {
            t.join(30_000);
        }
        broadcaster.close();
        assertThat(violations).isEmpty();
        List<Published> inIdOrder = new ArrayList<>(published);
        inIdOrder.sort(Comparator.comparingLong(Published::seq));
        for (int c = 0; c < CLIENTS; c++) {
            List<String> channels = channelsOf.get(c);
            List<String> expected = inIdOrder.stream().filter(p -> channels.contains(p.channel()))
                    .map(Published::data).toList();
            assertThat(received.get(c)).as("client %d on %s", c, channels).containsExactlyElementsOf(expected);
        }
    }

    private static int countFrames(String text) {
        int n = 0;
        Matcher m = FRAME.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void sleepMicros(long micros) {
        try {
            TimeUnit.MICROSECONDS.sleep(micros);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
