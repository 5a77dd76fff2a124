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
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats, in one place: one {@code ssekit-heartbeat} thread per JVM (started by the first
 * endpoint that needs it, ended with the last) ticks every endpoint's streams. A stream that
 * wrote nothing for the endpoint's interval gets a bare comment line, {@code :\n}, so proxies
 * and clients see the connection alive; a stream that wrote recently gets nothing. The same tick
 * ends streams whose writes stalled for the write-stall timeout.
 *
 * <p>Thread-safe.
 */
public final class Heartbeats implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Heartbeats.class.getName());
    private static final long MIN_TICK_MILLIS = 10;
    private static final Object LOCK = new Object();
    private static ScheduledExecutorService timer; // guarded by LOCK
    private static int users; // guarded by LOCK

    private final ScheduledFuture<?> task;

    private Heartbeats(ScheduledFuture<?> task) {
        this.task = task;
    }

    /**
     * Starts ticking {@code streams} (a live view): heartbeats every {@code interval} (zero:
     * none), and the end of streams stalled for {@code stallTimeout} (zero: never). Null when
     * neither is on.
     */
    public static Heartbeats start(Collection<OutboundStream> streams, Duration interval, Duration stallTimeout) {
        if (interval.isZero() && stallTimeout.isZero()) {
            return null;
        }
        // Tick four times per interval and ping streams idle for three quarters of it, so no
        // stream stays silent longer than the interval.
        long base = interval.isZero() ? stallTimeout.toMillis()
                : stallTimeout.isZero() ? interval.toMillis() : Math.min(interval.toMillis(), stallTimeout.toMillis());
        long tick = Math.max(MIN_TICK_MILLIS, base / 4);
        long idleNanos = interval.isZero() ? Long.MAX_VALUE : interval.toNanos() - TimeUnit.MILLISECONDS.toNanos(tick);
        long stallNanos = stallTimeout.isZero() ? Long.MAX_VALUE : stallTimeout.toNanos();
        Runnable beat = () -> tick(streams, idleNanos, stallNanos);
        synchronized (LOCK) {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "ssekit-heartbeat");
                    t.setDaemon(true);
                    return t;
                });
            }
            users++;
            return new Heartbeats(timer.scheduleAtFixedRate(beat, tick, tick, TimeUnit.MILLISECONDS));
        }
    }

    private static void tick(Collection<OutboundStream> streams, long idleNanos, long stallNanos) {
        long now = System.nanoTime();
        for (OutboundStream s : streams) {
            try {
                if (idleNanos != Long.MAX_VALUE) {
                    s.heartbeatIfIdle(now, idleNanos);
                }
                if (stallNanos != Long.MAX_VALUE) {
                    s.endIfStalled(now, stallNanos);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "heartbeat failed", e);
            }
        }
    }

    /** Stops this endpoint's ticks; the last one stops the thread. */
    @Override
    public void close() {
        task.cancel(false);
        synchronized (LOCK) {
            if (--users == 0) {
                timer.shutdownNow();
                timer = null;
            }
        }
    }
}
