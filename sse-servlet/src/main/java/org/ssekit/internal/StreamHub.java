package org.ssekit.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.ssekit.SseConfig;
import org.ssekit.StreamClosedException;

/**
 * The open streams of one endpoint: admission under the connection cap, the one heartbeat
 * thread that serves all of them, and shutdown.
 */
public final class StreamHub implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StreamHub.class.getName());
    private static final long MIN_TICK_MILLIS = 10;

    private final SseConfig config;
    private final Set<OutboundStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger admitted = new AtomicInteger();
    private final Counters counters = new Counters();
    private final ScheduledExecutorService heartbeats;
    private volatile boolean closed;

    public StreamHub(SseConfig config) {
        this.config = config;
        this.heartbeats = config.heartbeat().isZero() ? null : startHeartbeats(config.heartbeat());
    }

    private ScheduledExecutorService startHeartbeats(Duration interval) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ssekit-heartbeat");
            t.setDaemon(true);
            return t;
        });
        // Tick four times per interval and ping streams idle for three quarters of it, so no
        // stream stays silent longer than the interval.
        long tick = Math.max(MIN_TICK_MILLIS, interval.toMillis() / 4);
        long idleNanos = interval.toNanos() - TimeUnit.MILLISECONDS.toNanos(tick);
        s.scheduleAtFixedRate(() -> beat(idleNanos), tick, tick, TimeUnit.MILLISECONDS);
        return s;
    }

    private void beat(long idleNanos) {
        long now = System.nanoTime();
        for (OutboundStream s : open) {
            try {
                s.heartbeatIfIdle(now, idleNanos);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "heartbeat failed", e);
            }
        }
    }

    public SseConfig config() {
        return config;
    }

    public Counters counters() {
        return counters;
    }

    /** A stream over {@code transport}, counted in this hub's figures; {@link #register} it once started. */
    public OutboundStream newStream(Transport transport, String lastEventId) {
        return new OutboundStream(transport, config, lastEventId, counters);
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
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(2));
    }
}
