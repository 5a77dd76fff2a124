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
    /** A {@link #queuedSinceNanos} not taken: no flush listener wanted it. */
    private static final long UNTIMED = Long.MIN_VALUE;

    private final Transport transport;
    private final boolean writesMayBlock;
    private final Writers writers;
    private final int maxQueuedEvents;
    private final long maxQueuedBytes;
    private final SseConfig.Overflow overflow;
    private final String lastEventId;
    private final Counters counters;
    private final FrameQueue queue = new FrameQueue();
    /** The queue's own monitor (never exposed): an enqueue touches one object fewer. */
    private final Object lock = queue;

    // Guarded by lock, as is the queue.
    private WriterState state = WriterState.NEW;
    private Throwable endCause;
    private List<Runnable> closeCallbacks = new ArrayList<>(2);
    private long awaitingSinceNanos;
    // When the oldest queued frame was queued (or the queue filled), for the flush listeners;
    // UNTIMED when there were none (the clock costs as much as the rest of an enqueue).
    private long queuedSinceNanos = UNTIMED;
    private long batchSinceNanos = UNTIMED; // the same, for the batch in flight
    // About when a batch was last retired (its bytes with the container), for the heartbeats: no
    // later than that, and earlier by at most the writing done before it in the same writer task
    // share or turn (see write).
    private long lastWriteNanos = System.nanoTime();
    private CompletableFuture<Void> lastStage; // the stage of the newest send, taken or refused
    private final ArrayDeque<Refusal> refusals = new ArrayDeque<>(0);

    /** A refused send, whose stage fails once the stage of the send before it has completed. */
    private record Refusal(CompletableFuture<Void> stage, CompletableFuture<Void> after, StreamClosedException cause) {
    }

    /** Owned by the thread acting as the writer: the stages of a completed batch. */
    private final List<CompletableFuture<Void>> retired = new ArrayList<>(0);

    /**
     * The next stream in its writers' ready line: guarded by the {@link Writers}' monitor while
     * the stream is in that line; otherwise owned by the one thread that holds the stream out of
     * it (the one that made it {@link WriterState#SCHEDULED}, or the writer task that took it).
     */
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
        return enqueue(frame, done, null);
    }

    /**
     * {@link #enqueue(byte[], CompletableFuture)}, handing the stream, if this frame made it
     * ready, to {@code ready} (a delivery's hand-off to the writers) instead of scheduling it
     * at once; null: at once.
     */
    boolean enqueue(byte[] frame, CompletableFuture<Void> done, Writers.Ready ready) {
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
                    queuedSinceNanos = queueClock();
                }
                queue.add(frame, done);
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
            if (ready == null) {
                writers.schedule(this);
            } else {
                ready.add(this);
            }
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

    /** Frames queued and not yet flushed (in flight included), for the endpoint's gauge. */
    int queuedFrames() {
        synchronized (lock) {
            return queue.queued() + queue.inFlight();
        }
    }

    /** Queues a bare {@code :} comment when the stream is idle and wrote nothing for {@code idleNanos}. */
    public void heartbeatIfIdle(long nowNanos, long idleNanos) {
        synchronized (lock) {
            if (state != WriterState.IDLE || nowNanos - lastWriteNanos < idleNanos) {
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
            writers.execute(() -> write(from, System.nanoTime())); // the task owns the transport now (WRITING)
        } else {
            write(from, System.nanoTime());
        }
    }

    /**
     * Run by a writer task for a {@link WriterState#SCHEDULED} stream; {@code clockNanos} is
     * {@link System#nanoTime()} as the task read it when it took this stream from the line.
     */
    void runWriter(long clockNanos) {
        write(WriterState.SCHEDULED, clockNanos);
    }

    /**
     * The writer: from {@code from}, writes, flushes and completes batches until the queue is
     * empty, the transport is not ready, or this turn's byte budget is used. From
     * {@link WriterState#SCHEDULED} (a writer task) it first takes the stream, which may have
     * ended while in line; from the other states it runs as the owner of the transport already
     * ({@link WriterState#WRITING}, set by {@link #onWritable()}).
     *
     * <p>Each step takes the monitor once, and asks {@code isReady()} inside that acquisition, so
     * a write-possible callback cannot slip between a false answer and the stream's noting it
     * (and a false answer is not asked again before that callback): one acquisition to take a
     * batch (and, from {@code SCHEDULED}, the stream), one before its flush, one to retire it once
     * flushed. When the retired frames have no stages to complete
     * (broadcast frames, heartbeats), the retire also takes the next batch, or lets the stream go
     * idle, in the same acquisition. Otherwise the stages complete first, outside the monitor,
     * and the next batch is taken after them: stages complete in send order, and {@link #retired}
     * is only ever used by the one thread writing.
     *
     * <p>The first batch this turn retires is stamped for the heartbeats with {@code clockNanos}
     * (read before the turn, by the caller: a writer task reads the clock once for a share of
     * streams), the later ones with the clock; the clock is read at every retire only when a flush
     * listener wants the batch's age. A stamp that early can only bring a heartbeat forward.
     */
    private void write(WriterState from, long clockNanos) {
        boolean claim = from == WriterState.SCHEDULED;
        // What this turn does next: SCHEDULED take and write a batch; AWAIT_WRITE flush it;
        // AWAIT_FLUSH retire it (its bytes are with the container) and complete its stages.
        WriterState step = from == WriterState.STARTING ? WriterState.SCHEDULED : from;
        // Every turn asks isReady() before its first write or flush, as the Servlet API's loop
        // does: on another thread than the container's callback, or after the stream idled, an
        // earlier answer is not enough (Open Liberty refuses such a write as a blocking one,
        // SRVE0918E). A true answer holds until the next write or flush.
        boolean ready = false;
        long turn = 0; // bytes written this turn
        int batches = 0; // batches written this turn
        try {
            for (;;) {
                byte[] batch = null;
                Refusal refusal = null;
                WriterState left = null; // set when the writer stops: the state it leaves the stream in
                int frames = 0;
                int events = 0;
                long since = 0;
                long now = 0;
                synchronized (lock) {
                    if (claim) {
                        if (state != WriterState.SCHEDULED) {
                            return; // ended while in line: whoever ended it finishes it
                        }
                        state = WriterState.WRITING;
                        claim = false;
                    }
                    if (state != WriterState.WRITING) {
                        left = WriterState.ENDED; // aborted while this thread was writing
                    } else if (!ready && !transport.isReady()) {
                        // Wait for the write-possible callback; a turn that was to take a new
                        // batch waits as after a flush, with nothing in flight.
                        left = step == WriterState.AWAIT_WRITE ? WriterState.AWAIT_WRITE : WriterState.AWAIT_FLUSH;
                        state = left;
                        awaitingSinceNanos = System.nanoTime();
                    } else {
                        ready = true;
                        if (step == WriterState.AWAIT_FLUSH) {
                            frames = queue.inFlight();
                            since = batchSinceNanos;
                            events = queue.retire(retired);
                            if (frames > 0) {
                                now = since != UNTIMED || batches > 1 ? System.nanoTime() : clockNanos;
                                lastWriteNanos = now;
                            }
                            if (retired.isEmpty() && refusals.isEmpty()) {
                                step = WriterState.SCHEDULED; // nothing to complete: go on in this acquisition
                            }
                        } else if (step == WriterState.SCHEDULED) {
                            refusal = eligibleRefusal();
                        }
                        if (step == WriterState.SCHEDULED && refusal == null) {
                            batch = takeBatch(turn);
                            if (batch == null) {
                                left = state;
                            }
                        }
                    }
                }
                if (frames > 0) {
                    retired(events, since == UNTIMED ? -1 : now - since); // throws nothing: the stream may be idle already
                }
                if (left != null) {
                    stopped(left);
                    return;
                }
                if (refusal != null) {
                    refusal.stage().completeExceptionally(refusal.cause()); // in send order: see enqueue
                } else if (batch != null) {
                    batches++;
                    turn += batch.length;
                    transport.write(batch, 0, batch.length);
                    ready = false;
                    step = WriterState.AWAIT_WRITE;
                } else if (step == WriterState.AWAIT_WRITE) {
                    transport.flush();
                    ready = false;
                    step = WriterState.AWAIT_FLUSH;
                } else { // retired a batch whose stages (or refused sends after them) are to complete
                    completeRetired();
                    step = WriterState.SCHEDULED;
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
     * Counts a retired batch holding {@code events} events, its oldest frame {@code age} ns old
     * (negative: not timed).
     */
    private void retired(int events, long age) {
        if (events == 0) {
            return;
        }
        counters.delivered(events);
        if (age >= 0) {
            try {
                counters.flushed(age);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a flush listener failed", e);
            }
        }
    }

    /** What a writer that stopped in {@code left} still has to do, outside the monitor. */
    private void stopped(WriterState left) {
        if (left == WriterState.ENDED) {
            finish(); // closed and drained, or aborted while this thread was writing
        } else if (left == WriterState.SCHEDULED) {
            writers.schedule(this); // a full turn: back in line, so one busy stream does not starve others
        }
    }

    /**
     * Under the monitor, while writing with the transport ready: takes the queued frames, up to
     * the batch bound, as one buffer. Null when the writer stops, having set the state it leaves
     * the stream in: {@link WriterState#IDLE} (nothing queued), {@link WriterState#ENDED} (the
     * queue was closed and is drained) or {@link WriterState#SCHEDULED} (frames wait, and this
     * turn's byte budget is used).
     */
    private byte[] takeBatch(long turn) {
        if (queue.queued() == 0) {
            state = queue.isClosed() ? WriterState.ENDED : WriterState.IDLE;
            return null;
        }
        if (turn >= TURN_BYTES) {
            state = WriterState.SCHEDULED;
            return null;
        }
        queue.take(MAX_BATCH_BYTES);
        batchSinceNanos = queuedSinceNanos;
        if (queue.queued() > 0) {
            queuedSinceNanos = queueClock(); // what stays queued is at most this old
        }
        return queue.inFlightBytes();
    }

    /** The clock for {@link #queuedSinceNanos}: read only when a flush listener will want the age. */
    private long queueClock() {
        return counters.timesFlushes() ? System.nanoTime() : UNTIMED;
    }

    /** Under the monitor: removes and returns the oldest refused send if the one before it has completed. */
    private Refusal eligibleRefusal() {
        Refusal next = refusals.peekFirst();
        if (next == null || (next.after() != null && !next.after().isDone())) {
            return null;
        }
        return refusals.pollFirst();
    }

    /** Completes the stages of the retired batch, outside the monitor, in send order. */
    private void completeRetired() {
        for (int i = 0; i < retired.size(); i++) { // indexed: no iterator per drain on the hot path
            retired.get(i).complete(null);
        }
        retired.clear();
    }

    /** Fails the refused sends whose predecessors have completed, in send order. */
    private void failRefusals() {
        for (;;) {
            Refusal next;
            synchronized (lock) {
                next = eligibleRefusal();
                if (next == null) {
                    return;
                }
            }
            next.stage().completeExceptionally(next.cause());
        }
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
