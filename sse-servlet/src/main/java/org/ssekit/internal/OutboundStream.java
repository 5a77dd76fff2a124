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
 * An {@link EventStream} over a non-blocking {@link Transport}: a bounded queue of encoded
 * frames and a writer that any thread may run, one at a time.
 *
 * <p>The writer cycles write, flush, complete: each step starts only when the transport is
 * ready, so the stage of a frame completes after its bytes were flushed. Queued frames are
 * coalesced into one write. Whoever finds the writer idle runs it; when the transport is not
 * ready, the writer stops and the transport's {@link #onWritable()} resumes it.
 */
public final class OutboundStream implements EventStream {
    private static final System.Logger LOG = System.getLogger(OutboundStream.class.getName());
    private static final int MAX_COALESCED_BYTES = 64 * 1024;

    private enum State { OPEN, DRAINING, ENDED }

    private enum Phase { IDLE, WRITTEN, FLUSHED }

    /** A queued frame whose sender waits for its completion. */
    private record Pending(byte[] bytes, CompletableFuture<Void> done) {
    }

    private final Transport transport;
    private final int maxQueuedEvents;
    private final long maxQueuedBytes;
    private final SseConfig.Overflow overflow;
    private final String lastEventId;
    private final Counters counters;
    private final Object lock = new Object();

    // Guarded by lock.
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private long queuedBytes;
    private volatile State state = State.OPEN;
    private boolean writerActive;
    private boolean rerun;
    // Nothing is written until both the opener's begin() and the transport's first onWritable()
    // came: the opener can subscribe the stream before any byte goes out, and the first write
    // waits for the container's first onWritePossible, as the Servlet spec has it.
    private int holds = 2;
    private boolean sawWritable;
    private Throwable endCause;
    private List<Runnable> closeCallbacks = new ArrayList<>(2);

    // Owned by the thread running the writer; reused, so a write allocates nothing per stream.
    private Phase phase = Phase.IDLE;
    private final ArrayList<Object> inFlight = new ArrayList<>();

    private volatile long lastWriteNanos = System.nanoTime();

    public OutboundStream(Transport transport, SseConfig config, String lastEventId, Counters counters) {
        this.transport = Objects.requireNonNull(transport, "transport");
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
        if (enqueue(EventEncoder.encode(event), done)) {
            drain();
        }
        return done;
    }

    /**
     * Queues a frame without waking the writer, so a broadcaster can queue one frame on many
     * streams under its lock and write outside it. Returns false when the frame was refused
     * (stream ended, or queue full); {@code done}, if given, has then failed.
     */
    public boolean enqueue(byte[] frame, CompletableFuture<Void> done) {
        StreamClosedException refusal;
        synchronized (lock) {
            if (state != State.OPEN) {
                refusal = new StreamClosedException("stream is closed");
            } else if (fits(frame.length)) {
                queue.addLast(done == null ? frame : new Pending(frame, done));
                queuedBytes += frame.length;
                return true;
            } else {
                refusal = new StreamClosedException("slow consumer: queue full ("
                        + queue.size() + " events, " + queuedBytes + " bytes)");
            }
        }
        if (done != null) {
            done.completeExceptionally(refusal);
        }
        if (state == State.OPEN && overflow == SseConfig.Overflow.DISCONNECT) {
            counters.slowConsumer();
            LOG.log(System.Logger.Level.DEBUG, "disconnecting slow consumer: {0}", refusal.getMessage());
            abort(refusal);
        }
        return false;
    }

    /** Queues a bare {@code :} comment when nothing was written for {@code idleNanos}. */
    public void heartbeatIfIdle(long nowNanos, long idleNanos) {
        if (nowNanos - lastWriteNanos < idleNanos) {
            return;
        }
        synchronized (lock) {
            if (state != State.OPEN || !queue.isEmpty()) {
                return;
            }
        }
        if (enqueue(EventEncoder.HEARTBEAT, null)) {
            drain();
        }
    }

    /** Whether {@code events} frames of {@code bytes} in all would fit the queue now. */
    public boolean canQueue(int events, long bytes) {
        synchronized (lock) {
            return queue.size() + events <= maxQueuedEvents && queuedBytes + bytes <= maxQueuedBytes;
        }
    }

    private boolean fits(int length) {
        // An event larger than the byte bound is still taken when nothing else is queued.
        return queue.size() < maxQueuedEvents
                && (queue.isEmpty() || queuedBytes + length <= maxQueuedBytes);
    }

    /**
     * Lets the writer go: called once by whoever opened the stream, after the transport is
     * started. Until then, and until the transport's first {@link #onWritable()}, frames are
     * only queued.
     */
    public void begin() {
        synchronized (lock) {
            holds--;
        }
        drain();
    }

    /**
     * Runs the writer on this thread unless another thread is running it; where the
     * transport's writes may block, on a writer thread instead, so no sender waits.
     */
    public void drain() {
        if (transport.writesMayBlock()) {
            WriterThreads.execute(this::drainHere);
        } else {
            drainHere();
        }
    }

    private void drainHere() {
        synchronized (lock) {
            if (holds > 0) {
                return;
            }
            if (writerActive) {
                rerun = true;
                return;
            }
            if (state == State.ENDED) {
                return;
            }
            writerActive = true;
        }
        runWriter();
    }

    /** Writes as the owner of the transport until there is nothing to do or it is not ready. */
    private void runWriter() {
        try {
            writeLoop();
        } catch (IOException | RuntimeException e) {
            abortAsWriter(e);
        }
    }

    /** The transport can take a write again. */
    public void onWritable() {
        synchronized (lock) {
            if (!sawWritable) {
                sawWritable = true;
                holds--;
            }
        }
        drainHere(); // the container's own callback thread
    }

    /** The transport failed, or the client went away. */
    public void onError(Throwable cause) {
        abort(cause);
    }

    private void writeLoop() throws IOException {
        for (;;) {
            if (state == State.ENDED) {
                finishAbort();
                return;
            }
            if (!transport.isReady()) {
                if (releaseWriter()) {
                    return;
                }
                continue;
            }
            switch (phase) {
                case WRITTEN -> {
                    transport.flush();
                    phase = Phase.FLUSHED;
                }
                case FLUSHED -> {
                    lastWriteNanos = System.nanoTime();
                    completeInFlight();
                    phase = Phase.IDLE;
                }
                case IDLE -> {
                    if (!writeNextBatch()) {
                        return;
                    }
                }
            }
        }
    }

    /** Writes what is queued, or ends a draining stream; false when the writer has stopped. */
    private boolean writeNextBatch() throws IOException {
        boolean took;
        synchronized (lock) {
            if (state == State.ENDED) {
                return true; // the loop finishes the abort
            }
            if (queue.isEmpty()) {
                if (state == State.DRAINING) {
                    state = State.ENDED;
                    endCause = null;
                } else if (rerun) {
                    rerun = false;
                    return true;
                } else {
                    writerActive = false;
                    return false;
                }
                took = false;
            } else {
                takeBatch();
                took = true;
            }
        }
        if (!took) {
            endNormally();
            return false;
        }
        writeFrames(inFlight);
        phase = Phase.WRITTEN;
        return true;
    }

    /** Moves queued frames, up to the coalescing limit, into {@link #inFlight}. */
    private void takeBatch() {
        int bytes = 0;
        while (!queue.isEmpty()) {
            int next = frameBytes(queue.peekFirst()).length;
            if (!inFlight.isEmpty() && bytes + next > MAX_COALESCED_BYTES) {
                break;
            }
            inFlight.add(queue.pollFirst());
            bytes += next;
        }
        queuedBytes -= bytes;
    }

    private void writeFrames(List<Object> batch) throws IOException {
        if (batch.size() == 1) {
            byte[] only = frameBytes(batch.get(0));
            transport.write(only, 0, only.length);
            return;
        }
        // One write per batch: the non-blocking API allows no second write before isReady().
        int total = 0;
        for (Object f : batch) {
            total += frameBytes(f).length;
        }
        byte[] joined = new byte[total];
        int at = 0;
        for (Object f : batch) {
            byte[] b = frameBytes(f);
            System.arraycopy(b, 0, joined, at, b.length);
            at += b.length;
        }
        transport.write(joined, 0, total);
    }

    private static byte[] frameBytes(Object frame) {
        return frame instanceof Pending p ? p.bytes() : (byte[]) frame;
    }

    private void completeInFlight() {
        int events = 0;
        for (Object f : inFlight) {
            if (f instanceof Pending p) {
                p.done().complete(null);
            }
            if (frameBytes(f) != EventEncoder.HEARTBEAT) {
                events++;
            }
        }
        inFlight.clear();
        counters.delivered(events);
    }

    /** Stops the writer unless work or an abort arrived meanwhile; true when it has stopped. */
    private boolean releaseWriter() {
        synchronized (lock) {
            if (state == State.ENDED) {
                return false; // the loop finishes the abort
            }
            if (rerun) {
                rerun = false;
                return false;
            }
            writerActive = false;
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            state = State.DRAINING;
        }
        drain();
    }

    /** Ends the stream at once: queued frames are dropped and their senders told. */
    public void abort(Throwable cause) {
        List<Object> dropped;
        boolean closeNow;
        synchronized (lock) {
            if (state == State.ENDED) {
                return;
            }
            state = State.ENDED;
            endCause = cause;
            dropped = new ArrayList<>(queue);
            queue.clear();
            queuedBytes = 0;
            // An idle writer cannot close the transport, so we take its place to do it.
            closeNow = !writerActive;
            if (closeNow) {
                writerActive = true;
            }
        }
        failAll(dropped, cause);
        if (closeNow) {
            finishAbort();
        }
    }

    private void abortAsWriter(Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "event stream ended by a failed write: {0}", String.valueOf(cause));
        synchronized (lock) {
            if (state != State.ENDED) {
                state = State.ENDED;
                endCause = cause;
            }
        }
        failAll(drainQueue(), cause);
        finishAbort();
    }

    private List<Object> drainQueue() {
        synchronized (lock) {
            List<Object> dropped = new ArrayList<>(queue);
            queue.clear();
            queuedBytes = 0;
            return dropped;
        }
    }

    /** Run by the writer's owner once the stream has ended abnormally. */
    private void finishAbort() {
        Throwable cause;
        synchronized (lock) {
            cause = endCause;
        }
        failAll(inFlight, cause);
        inFlight.clear();
        closeTransport();
        runCloseCallbacks();
    }

    private void endNormally() {
        closeTransport();
        runCloseCallbacks();
    }

    private void closeTransport() {
        try {
            transport.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the transport failed", e);
        }
    }

    private void failAll(List<Object> frames, Throwable cause) {
        StreamClosedException failure = cause instanceof StreamClosedException sce ? sce
                : new StreamClosedException("connection lost", cause);
        for (Object f : frames) {
            if (f instanceof Pending p) {
                p.done().completeExceptionally(failure);
            }
        }
    }

    private void runCloseCallbacks() {
        List<Runnable> callbacks;
        synchronized (lock) {
            callbacks = closeCallbacks;
            closeCallbacks = null;
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
        return state == State.OPEN;
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
}
