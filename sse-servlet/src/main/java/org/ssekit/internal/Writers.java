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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writer tasks that drain ready streams: a FIFO of streams that have frames to write, and at
 * most {@code maxTasks} tasks taking streams from it on an executor. A stream enters the queue
 * when its first frame arrives while it is idle ({@link OutboundStream#enqueue}), so publishers
 * and container threads only queue; the I/O happens here.
 *
 * <p>Two shared sets exist, each created by its first user and shut down by its last
 * ({@link #acquire}, {@link #release}): {@link Kind#NON_BLOCKING}, one task per core on
 * {@code ssekit-writer-N} threads, for containers whose non-blocking output never blocks; and
 * {@link Kind#BLOCKING}, for containers whose output may block a writer once a client stops
 * reading ({@link org.ssekit.SseConfig#blockingWrites()}): up to 256 tasks on virtual threads
 * where the JVM has them (Java 21+), else up to 32 on {@code ssekit-blocking-writer-N} threads. An
 * endpoint given an executor of its own (a container's managed executor) gets a set on it that
 * the library never shuts down.
 *
 * <p>Thread-safe.
 */
public final class Writers {
    private static final System.Logger LOG = System.getLogger(Writers.class.getName());

    /** Which shared set. */
    public enum Kind { NON_BLOCKING, BLOCKING }

    /** The most streams a writer task takes from the line at once. */
    static final int SHARE = 32;
    /** The most streams a {@link Ready} holds before it hands them to the writers. */
    static final int HANDOFF = 64;

    private static final Object SHARED_LOCK = new Object();
    private static final Writers[] SHARED = new Writers[2];
    private static final int[] USERS = new int[2];

    private final Executor executor;
    private final ExecutorService owned;
    private final int maxTasks;
    private final Runnable drainTask = this::drainReady;
    // Guarded by this: an intrusive FIFO through OutboundStream.nextReady.
    private OutboundStream head;
    private OutboundStream tail;
    private int lined; // streams in the FIFO
    private int tasks;

    private Writers(Executor executor, ExecutorService owned, int maxTasks) {
        this.executor = executor;
        this.owned = owned;
        this.maxTasks = maxTasks;
    }

    /** Writers on an executor the caller owns (such as a container's managed executor). */
    public static Writers on(Executor executor, int maxTasks) {
        return new Writers(executor, null, maxTasks);
    }

    /** The shared set of {@code kind}, started if this is its first user; pair with {@link #release}. */
    public static Writers acquire(Kind kind) {
        synchronized (SHARED_LOCK) {
            int k = kind.ordinal();
            if (SHARED[k] == null) {
                SHARED[k] = kind == Kind.NON_BLOCKING ? nonBlocking() : blocking();
            }
            USERS[k]++;
            return SHARED[k];
        }
    }

    /** Gives back a set from {@link #acquire}; the last user's release shuts its threads down. */
    public static void release(Writers writers) {
        synchronized (SHARED_LOCK) {
            for (int k = 0; k < SHARED.length; k++) {
                if (SHARED[k] == writers && --USERS[k] == 0) {
                    SHARED[k] = null;
                    writers.owned.shutdown();
                }
            }
        }
    }

    private static Writers nonBlocking() {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = threads("ssekit-writer-", cores);
        return new Writers(pool, pool, cores);
    }

    private static Writers blocking() {
        ExecutorService virtual = virtualThreads();
        if (virtual != null) {
            return new Writers(virtual, virtual, 256);
        }
        ExecutorService pool = threads("ssekit-blocking-writer-", 32);
        return new Writers(pool, pool, 32);
    }

    private static ExecutorService threads(String prefix, int n) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()} on Java 21+, else null (built for Java 17). */
    private static ExecutorService virtualThreads() {
        try {
            return (ExecutorService) MethodHandles.publicLookup()
                    .findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class))
                    .invoke();
        } catch (Throwable e) {
            return null;
        }
    }

    /** Puts a stream that has frames to write in line, and starts a task if fewer than the maximum run. */
    void schedule(OutboundStream stream) {
        schedule(stream, stream, 1);
    }

    /**
     * Puts {@code count} streams in line, {@code first} to {@code last} linked through
     * {@link OutboundStream#nextReady}, and starts tasks, one per stream, up to the maximum.
     */
    private void schedule(OutboundStream first, OutboundStream last, int count) {
        int start;
        synchronized (this) {
            if (tail == null) {
                head = first;
            } else {
                tail.nextReady = first;
            }
            tail = last;
            lined += count;
            start = Math.max(0, Math.min(count, maxTasks - tasks));
            tasks += start;
        }
        for (int i = 0; i < start; i++) {
            submit(drainTask);
        }
    }

    /** Runs {@code work} (a stream's end, say) on a writer thread. */
    void execute(Runnable work) {
        submit(work);
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // Shutting down: nobody else will run it.
            LOG.log(System.Logger.Level.DEBUG, "writer executor refused a task; running it here");
            task.run();
        }
    }

    /**
     * A writer task: takes streams from the line and runs their writers until the line is empty.
     * It takes a share of the line at a time, at most {@value #SHARE} streams and an even part
     * of them per running task, so the monitor is taken once per share rather than once per
     * stream, and the other tasks still find streams to run.
     */
    private void drainReady() {
        for (;;) {
            OutboundStream next;
            synchronized (this) {
                next = head;
                if (next == null) {
                    tasks--;
                    return;
                }
                int share = Math.max(1, Math.min(SHARE, lined / tasks));
                OutboundStream last = next;
                int taken = 1;
                while (taken < share && last.nextReady != null) {
                    last = last.nextReady;
                    taken++;
                }
                head = last.nextReady;
                last.nextReady = null;
                if (head == null) {
                    tail = null;
                }
                lined -= taken;
            }
            // The share is this task's own now (no other thread reaches it through the line).
            // Each stream is unlinked before its writer runs, since that may put it in line again.
            // One clock reading for the share: the writers stamp their streams' last write with it.
            long clock = System.nanoTime();
            while (next != null) {
                OutboundStream stream = next;
                next = stream.nextReady;
                stream.nextReady = null;
                try {
                    stream.runWriter(clock);
                } catch (RuntimeException | Error e) {
                    LOG.log(System.Logger.Level.WARNING, "a stream writer failed", e);
                }
            }
        }
    }

    /**
     * The streams that one delivery made ready, handed to their writers together: one
     * acquisition of a {@link Writers}' monitor per {@value #HANDOFF} streams (or per change of
     * writers) instead of one per stream. Used by one thread, which calls {@link #flush()} once
     * done: the streams added wait here until then.
     */
    static final class Ready {
        private Writers writers;
        private OutboundStream first;
        private OutboundStream last;
        private int count;

        /**
         * Adds a stream that the caller has just made {@link WriterState#SCHEDULED}: no line
         * holds it, so its link is this thread's to set until the hand-off.
         */
        void add(OutboundStream stream) {
            Writers to = stream.writers();
            if (count > 0 && to != writers) {
                flush();
            }
            writers = to;
            if (first == null) {
                first = stream;
            } else {
                last.nextReady = stream;
            }
            last = stream;
            if (++count == HANDOFF) {
                flush();
            }
        }

        /** Hands the streams added since the last hand-off to their writers. */
        void flush() {
            if (count == 0) {
                return;
            }
            OutboundStream f = first;
            OutboundStream l = last;
            int n = count;
            first = null;
            last = null;
            count = 0;
            writers.schedule(f, l, n);
        }
    }
}
