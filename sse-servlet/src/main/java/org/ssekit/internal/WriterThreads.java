package org.ssekit.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that run stream writers for transports whose writes may block
 * ({@link Transport#writesMayBlock()}), so that publishers never do. A thread exists only
 * while a writer runs on it (it ends after 30 s idle): a writer blocked on a client that stopped
 * reading holds one until the container's write timeout; every other writer finishes at once.
 * Thread-safe.
 */
final class WriterThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), WriterThreads::newThread);

    private WriterThreads() {
    }

    static void execute(Runnable writer) {
        POOL.execute(writer);
    }

    private static Thread newThread(Runnable r) {
        Thread t = new Thread(r, "ssekit-writer-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
