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
package org.ssekit.example;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.ssekit.Broadcaster;
import org.ssekit.SseEvent;
import org.ssekit.SseMetrics;

/**
 * The server-side sources of the clock, dashboard and log-tail demos. Every event carries a
 * {@code seq} that grows by one per channel, so a page can prove it saw each event once.
 *
 * <p>Thread safety: the publish methods are synchronized so that seq order is publish order.
 */
final class Feeds {
    static final String CLOCK = "clock";
    static final String JVM = "jvm";
    static final String LOGS = "logs";
    private static final String[] JOBS = {"resize-image", "send-invoice", "reindex-catalog", "sync-crm", "export-report"};

    private final Broadcaster hub;
    private final SseMetrics metrics;
    private long clockSeq;
    private long jvmSeq;
    private long logSeq;
    private long lastDelivered;
    private long lastSampleNanos;
    private long job;
    private final Supplier<List<Object>> meters;

    /** {@code meters}: more keys and values for each dashboard sample (ssekit's Micrometer meters). */
    Feeds(Broadcaster hub, SseMetrics metrics, Supplier<List<Object>> meters) {
        this.hub = hub;
        this.metrics = metrics;
        this.meters = meters;
    }

    void start(ScheduledExecutorService ticker) {
        lastSampleNanos = System.nanoTime();
        ticker.scheduleAtFixedRate(guard(this::tick), 0, 1, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(guard(this::sample), 500, 1000, TimeUnit.MILLISECONDS);
        ticker.scheduleAtFixedRate(guard(this::work), 700, 1300, TimeUnit.MILLISECONDS);
    }

    /** A failing task must not stop its schedule: log it and go on. */
    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.getLogger(Feeds.class.getName()).log(System.Logger.Level.WARNING, "feed failed", e);
            }
        };
    }

    synchronized void tick() {
        LocalTime now = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        hub.publish(CLOCK, SseEvent.of("tick", Json.object("seq", ++clockSeq, "time", now.toString())));
    }

    synchronized void sample() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long now = System.nanoTime();
        long delivered = metrics.getEventsDelivered();
        double seconds = Math.max(1e-3, (now - lastSampleNanos) / 1e9);
        long perSecond = Math.round((delivered - lastDelivered) / seconds);
        lastDelivered = delivered;
        lastSampleNanos = now;
        List<Object> fields = new ArrayList<>(List.of(
                "seq", ++jvmSeq,
                "time", LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "heapUsed", heap.getUsed(),
                "heapMax", heap.getMax() > 0 ? heap.getMax() : heap.getCommitted(),
                "threads", ManagementFactory.getThreadMXBean().getThreadCount(),
                "streams", metrics.getOpenStreams(),
                "resumes", metrics.getReplays(),
                "eventsPerSecond", perSecond));
        fields.addAll(meters.get());
        hub.publish(JVM, SseEvent.of("sample", Json.object(fields.toArray())));
    }

    /** A pretend background worker, so the log tail moves even when nobody clicks. */
    private void work() {
        long n = ++job;
        String name = JOBS[(int) (n % JOBS.length)];
        long millis = 5 + (n * 37) % 180;
        log(millis > 150 ? "WARN" : "INFO", "worker", "job #" + n + " " + name + " done in " + millis + " ms"
                + (millis > 150 ? " (slow)" : ""));
    }

    /** Appends one line to the log tail. */
    synchronized void log(String level, String source, String message) {
        hub.publish(LOGS, SseEvent.of("line", Json.object(
                "seq", ++logSeq,
                "time", LocalTime.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                "level", level,
                "source", source,
                "message", message)));
    }
}
