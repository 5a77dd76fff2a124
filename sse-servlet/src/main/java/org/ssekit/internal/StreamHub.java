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

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.ssekit.SseConfig;
import org.ssekit.StreamClosedException;

/**
 * The open streams of one endpoint: admission under the connection cap, their writers and
 * heartbeats, and shutdown.
 */
public final class StreamHub implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StreamHub.class.getName());

    private final SseConfig config;
    private final Set<OutboundStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger admitted = new AtomicInteger();
    private final Counters counters = new Counters();
    private final Heartbeats heartbeats;
    private final Writers writers;
    private Writers blockingWriters; // guarded by this; acquired on first use
    private volatile boolean closed;
    private boolean released; // guarded by this

    public StreamHub(SseConfig config) {
        this.config = config;
        this.writers = config.writerExecutor()
                .map(e -> Writers.on(e, Runtime.getRuntime().availableProcessors()))
                .orElseGet(() -> Writers.acquire(Writers.Kind.NON_BLOCKING));
        this.heartbeats = Heartbeats.start(open, config.heartbeat(), config.writeStallTimeout());
        counters.queuedFramesFrom(this::queuedFrames);
    }

    /** Frames queued on the open streams and not yet flushed: one short lock per stream, at a scrape. */
    private long queuedFrames() {
        long n = 0;
        for (OutboundStream s : open) {
            n += s.queuedFrames();
        }
        return n;
    }

    public SseConfig config() {
        return config;
    }

    public Counters counters() {
        return counters;
    }

    /** A stream over {@code transport}, counted in this hub's figures; {@link #register} it once started. */
    public OutboundStream newStream(Transport transport, String lastEventId) {
        return new OutboundStream(transport, config, lastEventId, counters, writersFor(transport));
    }

    private Writers writersFor(Transport transport) {
        if (!transport.writesMayBlock() || config.writerExecutor().isPresent()) {
            return writers;
        }
        synchronized (this) {
            if (blockingWriters == null) {
                blockingWriters = Writers.acquire(Writers.Kind.BLOCKING);
            }
            return blockingWriters;
        }
    }

    /** Reserves a place for a new stream; false at the connection cap or after close. */
    public boolean tryAdmit() {
        if (closed) {
            return false;
        }
        if (admitted.incrementAndGet() > config.maxConnections()) {
            admitted.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back a place reserved by {@link #tryAdmit()} when no stream was opened after all. */
    public void release() {
        admitted.decrementAndGet();
    }

    /** Tracks an admitted stream until it ends; then its place is given back. */
    public void register(OutboundStream stream) {
        open.add(stream);
        counters.opened();
        stream.onClose(() -> {
            if (open.remove(stream)) {
                admitted.decrementAndGet();
                counters.closed();
            }
        });
        if (closed) {
            stream.close();
        }
    }

    /** The first frame of every stream: the retry field (with this stream's jitter) or a bare comment. */
    public byte[] openingFrame() {
        return config.retry()
                .map(r -> EventEncoder.retry(r.toMillis() + jitterMillis()))
                .orElse(EventEncoder.HEARTBEAT);
    }

    private long jitterMillis() {
        long max = config.retryJitter().toMillis();
        return max == 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1);
    }

    /** Seconds a refused client should wait: the retry delay, at least one second. */
    public long retryAfterSeconds() {
        long millis = config.retry().map(Duration::toMillis).orElse(5000L) + jitterMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /**
     * The id a client resumes from: the Last-Event-ID header, else the configured query
     * parameter (polyfills); an empty value counts as absent.
     */
    public String lastEventId(String header, Function<String, String> queryParameter) {
        if (header != null && !header.isEmpty()) {
            return header;
        }
        String param = queryParameter.apply(config.lastEventIdParam());
        return param == null || param.isEmpty() ? null : param;
    }

    public int openCount() {
        return open.size();
    }

    /** A snapshot of the open streams. */
    public List<OutboundStream> streams() {
        return List.copyOf(open);
    }

    /**
     * Closes every stream after the frames already queued, waits up to {@code grace} for them
     * to end, then drops the rest. New streams are refused from now on.
     */
    public void shutdown(Duration grace) {
        closed = true;
        List<OutboundStream> streams = streams();
        CountDownLatch ended = new CountDownLatch(streams.size());
        for (OutboundStream s : streams) {
            s.onClose(ended::countDown);
            s.close();
        }
        try {
            if (!ended.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.DEBUG, "dropping {0} streams that did not finish in {1}",
                        ended.getCount(), grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StreamClosedException gone = new StreamClosedException("server shutting down");
        streams().forEach(s -> s.abort(gone));
        releaseThreads();
    }

    private synchronized void releaseThreads() {
        if (released) {
            return;
        }
        released = true;
        if (heartbeats != null) {
            heartbeats.close();
        }
        if (config.writerExecutor().isEmpty()) {
            Writers.release(writers);
        }
        if (blockingWriters != null) {
            Writers.release(blockingWriters);
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(2));
    }
}
