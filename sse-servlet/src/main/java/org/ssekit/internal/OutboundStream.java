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

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ssekit.EventStream;
import org.ssekit.SseConfig;
import org.ssekit.SseEvent;
import org.ssekit.StreamClosedException;

/**
 * An {@link EventStream} over a non-blocking {@link Transport}: a bounded {@link FrameQueue}
 * and one writer state machine ({@link WriterState}).
 *
 * <p>Senders only queue: a frame that finds the stream {@link WriterState#IDLE} schedules it on
 * its {@link Writers}, whose tasks drain ready streams. A drain writes everything queued, up to
 * {@value #MAX_BATCH_BYTES} bytes, in one write and one flush, then completes the stages of those
 * frames; frames coalesce only when they arrive faster than the socket drains. When the
 * transport is not ready, the writer stops and the container's write-possible callback resumes
 * it where it stopped.
 *
 * <p>The monitor guards the state and the queue, for a few field writes at a time: no I/O, no
 * stage completion and no callback runs under it (only {@link Transport#isReady()}, which does
 * not block). Every stage completes exactly once, in send order also on failure (a send refused
 * after an earlier one is still pending fails after it), and all of them before the close
 * callbacks run.
 */
public final class OutboundStream implements EventStream {
    private static final System.Logger LOG = System.getLogger(OutboundStream.class.getName());
    static final int MAX_BATCH_BYTES = 64 * 1024;
    /** Bytes one writer turn may write before the stream goes back in line, so others get a turn. */
    private static final int TURN_BYTES = 256 * 1024;

    private final Transport transport;
    private final boolean writesMayBlock;
    private final Writers writers;
    private final int maxQueuedEvents;
    private final long maxQueuedBytes;
    private final SseConfig.Overflow overflow;
    private final String lastEventId;
    private final Counters counters;
    private final Object lock = new Object();

    // Guarded by lock.
    private WriterState state = WriterState.NEW;
    private final FrameQueue queue = new FrameQueue();
    private Throwable endCause;
    private List<Runnable> closeCallbacks = new ArrayList<>(2);
    private long awaitingSinceNanos;
    private long queuedSinceNanos; // when the oldest queued frame was queued (or the queue filled)
    private long batchSinceNanos;  // the same, for the batch in flight
    private CompletableFuture<Void> lastStage; // the stage of the newest send, taken or refused
    private final ArrayDeque<Refusal> refusals = new ArrayDeque<>(0);

    /** A refused send, whose stage fails once the stage of the send before it has completed. */
    private record Refusal(CompletableFuture<Void> stage, CompletableFuture<Void> after, StreamClosedException cause) {
    }

    /** Owned by the thread acting as the writer: the stages of a completed batch. */
    private final List<CompletableFuture<Void>> retired = new ArrayList<>(0);
    private volatile long lastWriteNanos = System.nanoTime();

    /** The next stream in its writers' ready queue; guarded by the {@link Writers}' monitor. */
    OutboundStream nextReady;

    public OutboundStream(Transport transport, SseConfig config, String lastEventId, Counters counters,
            Writers writers) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.writesMayBlock = transport.writesMayBlock();
        this.writers = Objects.requireNonNull(writers, "writers");
        this.maxQueuedEvents = config.maxQueuedEvents();
        this.maxQueuedBytes = config.maxQueuedBytes();
        this.overflow = config.overflow();
        this.lastEventId = lastEventId;
        this.counters = counters;
    }

    @Override
    public CompletionStage<Void> send(SseEvent event) {
        Objects.requireNonNull(event, "event");
        CompletableFuture<Void> done = new CompletableFuture<>();
        enqueue(EventEncoder.encode(event), done);
        return done;
    }

    /**
     * Queues a frame (shared, never changed) and schedules the writer if the stream was idle.
     * Returns false when the frame was refused (stream ended or closing, or queue full); {@code
     * done}, if given, has then failed. A full queue under {@link SseConfig.Overflow#DISCONNECT}
     * also ends the stream, on a writer thread.
     */
    public boolean enqueue(byte[] frame, CompletableFuture<Void> done) {
        StreamClosedException refusal;
        boolean cut = false;
        boolean failNow = false;
        synchronized (lock) {
            CompletableFuture<Void> previous = lastStage;
            if (done != null) {
                lastStage = done;
            }
            if (state == WriterState.ENDED || queue.isClosed()) {
                refusal = new StreamClosedException("stream is closed");
            } else if (fits(frame.length)) {
                if (queue.queued() == 0) {
                    queuedSinceNanos = System.nanoTime();
                }
                queue.add(frame, done);
                counters.queued(1);
                if (state != WriterState.IDLE) {
                    return true;
                }
                state = WriterState.SCHEDULED;
                refusal = null;
            } else {
                refusal = new StreamClosedException("slow consumer: queue full ("
                        + queue.queued() + " events, " + queue.queuedBytes() + " bytes)");
                cut = overflow == SseConfig.Overflow.DISCONNECT;
            }
            if (refusal != null && done != null) {
                // In send order: it fails once the stage sent before it has completed.
                failNow = refusals.isEmpty() && (previous == null || previous.isDone());
                if (!failNow) {
                    refusals.addLast(new Refusal(done, previous, refusal));
                }
            }
        }
        if (refusal == null) {
            writers.schedule(this);
            return true;
        }
        if (failNow) {
            done.completeExceptionally(refusal);
        }
        if (cut) {
            LOG.log(System.Logger.Level.DEBUG, "disconnecting slow consumer: {0}", refusal.getMessage());
            if (end(refusal, false)) {
                counters.slowConsumer();
            }
        }
        return false;
    }

    private boolean fits(int length) {
        // An event larger than the byte bound is still taken when nothing else is queued.
        int queued = queue.queued();
        return queued < maxQueuedEvents && (queued == 0 || queue.queuedBytes() + length <= maxQueuedBytes);
    }

    /** Whether {@code events} frames of {@code bytes} in all would fit the queue now. */
    public boolean canQueue(int events, long bytes) {
        synchronized (lock) {
            return queue.queued() + events <= maxQueuedEvents && queue.queuedBytes() + bytes <= maxQueuedBytes;
        }
    }

    /** Queues a bare {@code :} comment when the stream is idle and wrote nothing for {@code idleNanos}. */
    public void heartbeatIfIdle(long nowNanos, long idleNanos) {
        if (nowNanos - lastWriteNanos < idleNanos) {
            return;
        }
        synchronized (lock) {
            if (state != WriterState.IDLE) {
                return;
            }
        }
        enqueue(EventEncoder.HEARTBEAT, null);
    }

    /**
     * Ends the stream when the container has not taken its last write or flush for
     * {@code stallNanos}: the client stopped reading, or vanished without FIN or RST.
     */
    public void endIfStalled(long nowNanos, long stallNanos) {
        synchronized (lock) {
            boolean awaiting = state == WriterState.AWAIT_WRITE || state == WriterState.AWAIT_FLUSH;
            if (!awaiting || nowNanos - awaitingSinceNanos < stallNanos) {
                return;
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "closing a stream whose writes stalled");
        if (end(new StreamClosedException("write stalled: the client stopped reading"), false)) {
            counters.slowConsumer();
        }
    }

    /**
     * Lets the writer go: called once by whoever opened the stream, after subscribing it. The
     * transport then says when it can take the first write.
     */
    public void begin() {
        synchronized (lock) {
            if (state != WriterState.NEW) {
                return;
            }
            state = WriterState.STARTING;
        }
        transport.start(this);
    }

    /**
     * The transport can take a write again: resumes the writer where it stopped, on this thread
     * (the container's callback), or, where writes may block, on the writer pool, so no container
     * thread waits on a client that stopped reading.
     */
    public void onWritable() {
        WriterState from;
        synchronized (lock) {
            from = state;
            if (from != WriterState.STARTING && from != WriterState.AWAIT_WRITE && from != WriterState.AWAIT_FLUSH) {
                return;
            }
            state = WriterState.WRITING;
        }
        if (writesMayBlock) {
            writers.execute(() -> write(from)); // the task owns the transport now (WRITING)
        } else {
            write(from);
        }
    }

    /** Run by a writer task for a {@link WriterState#SCHEDULED} stream. */
    void runWriter() {
        synchronized (lock) {
            if (state != WriterState.SCHEDULED) {
                return;
            }
            state = WriterState.WRITING;
        }
        write(WriterState.SCHEDULED);
    }

    /**
     * The writer: from {@code from}, writes, flushes and completes batches until the queue is
     * empty, the transport is not ready, or this turn's byte budget is used. Runs as the owner of
     * the transport ({@link WriterState#WRITING}).
     */
    private void write(WriterState from) {
        WriterState step = from;
        long turn = 0;
        try {
            // Every turn asks isReady() before its first write or flush, as the Servlet API's
            // loop does: on another thread than the container's callback, or after the stream
            // idled, an earlier answer is not enough (Open Liberty refuses such a write as a
            // blocking one, SRVE0918E). Not ready: wait again; a turn that was to take a new
            // batch waits as after a flush, with nothing in flight.
            if (!readyOr(from == WriterState.AWAIT_WRITE ? WriterState.AWAIT_WRITE : WriterState.AWAIT_FLUSH)) {
                return;
            }
            for (;;) {
                switch (step) {
                    case AWAIT_WRITE -> {
                        transport.flush();
                        step = readyOr(WriterState.AWAIT_FLUSH) ? WriterState.AWAIT_FLUSH : null;
                    }
                    case AWAIT_FLUSH -> {
                        completeBatch();
                        step = turn < TURN_BYTES ? WriterState.SCHEDULED : yieldTurn();
                    }
                    default -> { // STARTING, SCHEDULED: take the next batch
                        byte[] batch = takeBatch();
                        if (batch == null) {
                            return;
                        }
                        turn += batch.length;
                        transport.write(batch, 0, batch.length);
                        step = readyOr(WriterState.AWAIT_WRITE) ? WriterState.AWAIT_WRITE : null;
                    }
                }
                if (step == null) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "event stream ended by a failed write: {0}", String.valueOf(e));
            synchronized (lock) {
                if (endCause == null) {
                    endCause = e;
                }
                state = WriterState.ENDED;
            }
            finish();
        }
    }

    /**
     * Takes the queued frames, up to the batch bound, as one buffer; null when the writer stops
     * (nothing queued: idle; queue closed and drained, or aborted meanwhile: ended).
     */
    private byte[] takeBatch() {
        synchronized (lock) {
            if (state == WriterState.WRITING && queue.take(MAX_BATCH_BYTES) > 0) {
                batchSinceNanos = queuedSinceNanos;
                if (queue.queued() > 0) {
                    queuedSinceNanos = System.nanoTime(); // what stays queued is at most this old
                }
                return queue.inFlightBytes();
            }
            if (state == WriterState.WRITING && !queue.isClosed()) {
                state = WriterState.IDLE;
                return null;
            }
            state = WriterState.ENDED;
        }
        finish();
        return null;
    }

    /**
     * True when the transport is ready for the next step; otherwise notes that the writer waits
     * in {@code waiting} (the write-possible callback resumes it) or, when the stream was aborted
     * meanwhile, ends it, and returns false.
     */
    private boolean readyOr(WriterState waiting) throws IOException {
        synchronized (lock) {
            if (state == WriterState.WRITING) {
                if (transport.isReady()) {
                    return true;
                }
                state = waiting;
                awaitingSinceNanos = System.nanoTime();
                return false;
            }
        }
        finish(); // aborted while this thread was writing
        return false;
    }

    /** Completes the stages of the flushed batch, outside the monitor. */
    private void completeBatch() {
        int events;
        int frames;
        long since;
        synchronized (lock) {
            if (state != WriterState.WRITING) {
                return; // aborted: the next step finishes the stream
            }
            frames = queue.inFlight();
            since = batchSinceNanos;
            events = queue.retire(retired);
        }
        long now = System.nanoTime();
        lastWriteNanos = now;
        counters.queued(-frames);
        if (events > 0) {
            counters.flushed(now - since);
        }
        for (int i = 0; i < retired.size(); i++) { // indexed: no iterator per drain on the hot path
            retired.get(i).complete(null);
        }
        retired.clear();
        counters.delivered(events);
        failRefusals();
    }

    /** Fails the refused sends whose predecessors have completed, in send order. */
    private void failRefusals() {
        for (;;) {
            Refusal next;
            synchronized (lock) {
                next = refusals.peekFirst();
                if (next == null || (next.after() != null && !next.after().isDone())) {
                    return;
                }
                refusals.pollFirst();
            }
            next.stage().completeExceptionally(next.cause());
        }
    }

    /** Puts the stream back in line after a full turn, so one busy stream does not starve others. */
    private WriterState yieldTurn() {
        synchronized (lock) {
            if (state != WriterState.WRITING || queue.queued() == 0) {
                return WriterState.SCHEDULED; // the next take ends or idles the stream
            }
            state = WriterState.SCHEDULED;
        }
        writers.schedule(this);
        return null;
    }

    @Override
    public void close() {
        boolean schedule = false;
        boolean finishNow = false;
        synchronized (lock) {
            if (state == WriterState.ENDED || queue.isClosed()) {
                return;
            }
            // The writer, or the first write-possible callback, drains the queue and then ends it.
            queue.close();
            if (state == WriterState.NEW) {
                endCause = new StreamClosedException("stream closed before it began");
                state = WriterState.ENDED;
                finishNow = true;
            } else if (state == WriterState.IDLE) {
                state = WriterState.SCHEDULED;
                schedule = true;
            }
        }
        if (schedule) {
            writers.schedule(this);
        }
        if (finishNow) {
            finish();
        }
    }

    /** The transport failed, or the client went away: ends the stream at once. */
    public void onError(Throwable cause) {
        end(cause, true);
    }

    /** Ends the stream at once: the stages of its frames fail, in send order. */
    public void abort(Throwable cause) {
        end(cause, true);
    }

    /**
     * Moves the stream to {@link WriterState#ENDED}; whoever does so while no thread is writing
     * finishes it (here, or on a writer thread unless {@code here}). A writer under way finishes
     * it when it next looks at the state. True the first time.
     */
    private boolean end(Throwable cause, boolean here) {
        boolean finishNow;
        synchronized (lock) {
            if (state == WriterState.ENDED) {
                return false;
            }
            finishNow = state != WriterState.WRITING;
            state = WriterState.ENDED;
            endCause = cause;
        }
        if (finishNow) {
            if (here) {
                finish();
            } else {
                writers.execute(this::finish);
            }
        }
        return true;
    }

    /**
     * The one end path, run once by whoever ended the stream: fails the stages of in-flight
     * frames, then queued ones, in send order; closes the transport; runs the close callbacks.
     */
    private void finish() {
        List<CompletableFuture<Void>> stages;
        Throwable cause;
        List<Runnable> callbacks;
        synchronized (lock) {
            int dropped = queue.queued() + queue.inFlight();
            if (dropped > 0) {
                counters.queued(-dropped);
            }
            stages = queue.clear();
            cause = endCause;
            callbacks = closeCallbacks;
            closeCallbacks = null;
        }
        if (!stages.isEmpty()) {
            StreamClosedException failure = cause instanceof StreamClosedException sce ? sce
                    : new StreamClosedException("connection lost", cause);
            for (CompletableFuture<Void> stage : stages) {
                stage.completeExceptionally(failure);
            }
        }
        failRefusals();
        try {
            transport.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the transport failed", e);
        }
        if (callbacks != null) {
            callbacks.forEach(OutboundStream::runQuietly);
        }
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "an onClose callback failed", e);
        }
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return state != WriterState.ENDED && !queue.isClosed();
        }
    }

    @Override
    public void onClose(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (lock) {
            if (closeCallbacks != null) {
                closeCallbacks.add(callback);
                return;
            }
        }
        runQuietly(callback);
    }

    @Override
    public Optional<String> lastEventId() {
        return Optional.ofNullable(lastEventId);
    }

    /** Which writers run this stream. */
    Writers writers() {
        return writers;
    }
}
