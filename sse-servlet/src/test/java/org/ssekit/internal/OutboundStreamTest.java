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

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.StreamClosedException;

/** The queue and writer of one stream, over a transport the test drives. */
class OutboundStreamTest {
    private final ScriptedTransport transport = new ScriptedTransport();

    private OutboundStream stream(SseConfig config) {
        OutboundStream s = new OutboundStream(transport, config, null, new Counters(), ScriptedTransport.INLINE);
        transport.attach(s);
        s.begin();
        transport.becomeReady(); // the container's first onWritePossible
        return s;
    }

    @Test
    void nothingIsWrittenBeforeBeginAndTheFirstOnWritable() {
        OutboundStream s = new OutboundStream(transport, SseConfig.defaults(), null, new Counters(), ScriptedTransport.INLINE);
        transport.attach(s);
        s.send(SseEvent.of("queued"));
        s.begin();
        assertThat(transport.text()).as("begun, but the container has not called onWritePossible yet").isEmpty();
        transport.becomeReady();
        assertThat(transport.text()).isEqualTo("data: queued\n\n");
    }

    @Test
    void aStreamThatEndsBeforeItsFirstWriteIsClosedOnce() {
        OutboundStream s = new OutboundStream(transport, SseConfig.defaults(), null, new Counters(), ScriptedTransport.INLINE);
        transport.attach(s);
        AtomicInteger closed = new AtomicInteger();
        s.onClose(closed::incrementAndGet);
        s.begin();
        s.onError(new IOException("connection reset"));
        assertThat(closed).hasValue(1);
        assertThat(transport.closes()).isEqualTo(1);
        transport.becomeReady();
        assertThat(transport.text()).isEmpty();
        assertThat(transport.closes()).isEqualTo(1);
    }

    private static Throwable failureOf(CompletionStage<Void> stage) {
        try {
            stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the stage did not complete", e);
        }
    }

    @Test
    void sendersNeverWriteWriterThreadsDo() throws Exception {
        assertThat(threadsThatWroteOneEvent()).allSatisfy(name -> assertThat(name).startsWith("ssekit-writer-"));
    }

    @Test
    void whereWritesMayBlockTheyRunOnThePoolForBlockingWrites() throws Exception {
        transport.writesMayBlock(true);
        // Platform threads on Java 17; virtual threads (unnamed) on Java 21+.
        assertThat(threadsThatWroteOneEvent()).allSatisfy(name -> assertThat(name)
                .matches(n -> n.startsWith("ssekit-blocking-writer-") || n.isEmpty(), "a blocking-writer thread"));
    }

    /** Sends one event through a stream of a real hub and returns the names of the threads that wrote. */
    private List<String> threadsThatWroteOneEvent() throws Exception {
        try (StreamHub hub = new StreamHub(SseConfig.defaults())) {
            OutboundStream s = hub.newStream(transport, null);
            s.begin();
            transport.becomeReady();
            s.send(SseEvent.of("x")).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(transport.text()).isEqualTo("data: x\n\n");
            return transport.writerThreads();
        }
    }

    @Test
    void theWriteListenerIsSetOnlyByBegin() {
        OutboundStream s = new OutboundStream(transport, SseConfig.defaults(), null, new Counters(), ScriptedTransport.INLINE);
        s.send(SseEvent.of("queued"));
        assertThat(transport.starts()).isZero();
        s.begin();
        s.begin();
        assertThat(transport.starts()).isEqualTo(1);
    }

    @Test
    void sendCompletesOnlyAfterTheFlushWasTaken() {
        OutboundStream s = stream(SseConfig.defaults());
        transport.stallAfterEachOperation(true);
        CompletionStage<Void> sent = s.send(SseEvent.of("x"));
        assertThat(transport.text()).isEqualTo("data: x\n\n");
        assertThat(sent.toCompletableFuture()).isNotDone();
        transport.becomeReady(); // write done: now the flush goes out
        assertThat(transport.flushes()).isEqualTo(1);
        assertThat(sent.toCompletableFuture()).isNotDone();
        transport.stallAfterEachOperation(false);
        transport.becomeReady(); // flush done
        assertThat(sent.toCompletableFuture()).isCompletedWithValue(null);
    }

    @Test
    void queuedFramesAreCoalescedIntoOneWrite() {
        OutboundStream s = stream(SseConfig.defaults());
        transport.stallAfterEachOperation(true);
        s.send(SseEvent.of("first"));
        s.send(SseEvent.of("2"));
        s.send(SseEvent.of("3"));
        assertThat(transport.writes()).isEqualTo(1);
        transport.stallAfterEachOperation(false);
        transport.becomeReady();
        assertThat(transport.writes()).isEqualTo(2);
        assertThat(transport.text()).isEqualTo("data: first\n\ndata: 2\n\ndata: 3\n\n");
    }

    @Test
    void cls04AFullQueueDisconnectsTheSlowConsumer() {
        OutboundStream s = stream(SseConfig.builder().maxQueuedEvents(2).build());
        AtomicInteger closed = new AtomicInteger();
        s.onClose(closed::incrementAndGet);
        transport.stallAfterEachOperation(true);
        CompletionStage<Void> inFlight = s.send(SseEvent.of("in flight"));
        CompletionStage<Void> q1 = s.send(SseEvent.of("q1"));
        CompletionStage<Void> q2 = s.send(SseEvent.of("q2"));
        CompletionStage<Void> over = s.send(SseEvent.of("over"));
        assertThat(failureOf(over)).isInstanceOf(StreamClosedException.class).hasMessageContaining("slow consumer");
        assertThat(failureOf(q1)).isInstanceOf(StreamClosedException.class);
        assertThat(failureOf(q2)).isInstanceOf(StreamClosedException.class);
        assertThat(failureOf(inFlight)).isInstanceOf(StreamClosedException.class);
        assertThat(s.isOpen()).isFalse();
        assertThat(closed).hasValue(1);
        assertThat(transport.closes()).isEqualTo(1);
    }

    @Test
    void theByteBoundCountsToo() {
        OutboundStream s = stream(SseConfig.builder().maxQueuedBytes(100).build());
        transport.stallAfterEachOperation(true);
        CompletionStage<Void> inFlight = s.send(SseEvent.of("in flight"));
        CompletionStage<Void> queued = s.send(SseEvent.of("x".repeat(80)));
        assertThat(queued.toCompletableFuture()).isNotDone();
        CompletionStage<Void> refused = s.send(SseEvent.of("y".repeat(80)));
        assertThat(failureOf(refused)).hasMessageContaining("queue full");
        // The slow consumer is cut: what was sent before fails too.
        assertThat(failureOf(inFlight)).isInstanceOf(StreamClosedException.class);
        assertThat(failureOf(queued)).isInstanceOf(StreamClosedException.class);
    }

    @Test
    void failSendKeepsTheConnection() {
        OutboundStream s = stream(SseConfig.builder().maxQueuedEvents(1).overflow(SseConfig.Overflow.FAIL_SEND).build());
        transport.stallAfterEachOperation(true);
        s.send(SseEvent.of("in flight"));
        CompletionStage<Void> queued = s.send(SseEvent.of("queued"));
        CompletionStage<Void> refused = s.send(SseEvent.of("refused"));
        assertThat(s.isOpen()).isTrue();
        transport.stallAfterEachOperation(false);
        transport.becomeReady();
        assertThat(queued.toCompletableFuture()).isCompletedWithValue(null);
        assertThat(failureOf(refused)).hasMessageContaining("queue full");
        assertThat(transport.text()).contains("data: queued").doesNotContain("refused");
    }

    @Test
    void closeWritesWhatIsQueuedThenEndsOnce() {
        OutboundStream s = stream(SseConfig.defaults());
        AtomicInteger closed = new AtomicInteger();
        s.onClose(closed::incrementAndGet);
        transport.stallAfterEachOperation(true);
        CompletionStage<Void> last = s.send(SseEvent.of("last"));
        s.close();
        s.close();
        assertThat(closed).hasValue(0);
        CompletionStage<Void> afterClose = s.send(SseEvent.of("after close"));
        transport.stallAfterEachOperation(false);
        transport.becomeReady();
        assertThat(last.toCompletableFuture()).isCompletedWithValue(null);
        assertThat(failureOf(afterClose)).hasMessageContaining("closed");
        assertThat(transport.text()).isEqualTo("data: last\n\n");
        assertThat(closed).hasValue(1);
        assertThat(transport.closes()).isEqualTo(1);
    }

    @Test
    void aFailedWriteFailsEveryPendingSendAndNothingIsWrittenAfter() {
        OutboundStream s = stream(SseConfig.defaults());
        transport.stallAfterEachOperation(true);
        CompletionStage<Void> first = s.send(SseEvent.of("1"));
        CompletionStage<Void> second = s.send(SseEvent.of("2"));
        transport.failWith(new IOException("Broken pipe"));
        transport.becomeReady();
        assertThat(failureOf(first)).isInstanceOf(StreamClosedException.class).hasRootCauseMessage("Broken pipe");
        assertThat(failureOf(second)).isInstanceOf(StreamClosedException.class);
        assertThat(s.isOpen()).isFalse();
        String before = transport.text();
        s.send(SseEvent.of("3"));
        s.heartbeatIfIdle(System.nanoTime() + 1_000_000_000_000L, 0);
        assertThat(transport.text()).isEqualTo(before);
        assertThat(transport.closes()).isEqualTo(1);
    }

    @Test
    void heartbeatOnlyWhenIdle() {
        OutboundStream s = stream(SseConfig.defaults());
        long now = System.nanoTime();
        s.heartbeatIfIdle(now, 60_000_000_000L);
        assertThat(transport.text()).isEmpty();
        s.heartbeatIfIdle(now + 120_000_000_000L, 60_000_000_000L);
        assertThat(transport.text()).isEqualTo(":\n");
    }

    @Test
    void onCloseRunsAtOnceWhenAlreadyClosed() {
        OutboundStream s = stream(SseConfig.defaults());
        s.close();
        CompletableFuture<Void> ran = new CompletableFuture<>();
        s.onClose(() -> ran.complete(null));
        assertThat(ran).isDone();
    }
}
