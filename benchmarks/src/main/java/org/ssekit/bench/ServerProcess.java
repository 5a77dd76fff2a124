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
package org.ssekit.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.ssekit.bench.server.ServerMain;
import org.ssekit.bench.server.Stacks;

/** A server under test in its own JVM (heap capped the same for every stack). */
final class ServerProcess implements AutoCloseable {
    static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx2g", "-XX:+UseG1GC");
    /** Extra options for the server JVMs, space-separated (say, a JFR recording): {@code -Dbench.serverJvm=...}. */
    static final String EXTRA_OPTIONS = "bench.serverJvm";
    private static final Duration ANSWER = Duration.ofSeconds(30);

    final String stack;
    final int port;
    private final ChildJvm jvm;
    private final List<String> options;
    private final Duration heartbeat;
    private final Path logDir;
    private final RedisProcess redis;

    /** One reading of the server's figures; {@code publishFailures}: publishes the stack reported as failed. */
    record Stats(int connections, int threads, long rssKib, long cpuNanos, long publishFailures, long heapAfterGc) {
    }

    private ServerProcess(String stack, ChildJvm jvm, int port, List<String> options, Duration heartbeat,
                          Path logDir, RedisProcess redis) {
        this.stack = stack;
        this.jvm = jvm;
        this.port = port;
        this.options = options;
        this.heartbeat = heartbeat;
        this.logDir = logDir;
        this.redis = redis;
    }

    /**
     * Starts {@code stack}; the {@code ssekit-redis} stack gets {@code redis}'s URI and a stream
     * of its own (which {@link #startPeer} shares).
     */
    static ServerProcess start(String stack, Duration heartbeat, Path logDir, RedisProcess redis) throws Exception {
        List<String> options = new java.util.ArrayList<>(JVM_OPTIONS);
        if (stack.equals(Stacks.SSEKIT_REDIS)) {
            if (redis == null) {
                throw new IllegalStateException("the " + stack + " stack needs a Redis server");
            }
            options.add("-D" + Stacks.REDIS_URI + "=" + redis.uri());
            options.add("-D" + Stacks.REDIS_STREAM + "=" + redis.nextStream());
        }
        String extra = System.getProperty(EXTRA_OPTIONS, "").trim();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.replace("{stack}", stack).split("\\s+")));
        }
        return launch(stack, options, heartbeat, logDir, redis);
    }

    private static ServerProcess launch(String stack, List<String> options, Duration heartbeat, Path logDir,
                                        RedisProcess redis) throws Exception {
        ChildJvm jvm = ChildJvm.start("server-" + stack, options, ServerMain.class,
                List.of(stack, Long.toString(heartbeat.toMillis())), logDir);
        try {
            String[] ready = jvm.await(Duration.ofSeconds(60));
            return new ServerProcess(stack, jvm, Integer.parseInt(ready[0]), List.copyOf(options), heartbeat, logDir,
                    redis);
        } catch (TimeoutException | RuntimeException | InterruptedException e) {
            jvm.close();
            throw e;
        }
    }

    /** Another node of the same stack with the same options: for {@code ssekit-redis}, one sharing this one's log. */
    ServerProcess startPeer() throws Exception {
        return launch(stack, options, heartbeat, logDir, redis);
    }

    /** The Redis server this node's log lives on, or null for a stack without one. */
    RedisProcess redis() {
        return redis;
    }

    Path logDir() {
        return logDir;
    }

    /** Publishes and returns the nanos it took, or -1 when the publisher did not finish within {@code limit}. */
    long publish(int count, double perSecond, int payload, Duration limit) throws InterruptedException {
        try {
            return Long.parseLong(jvm.request("publish " + count + " " + perSecond + " " + payload, limit)[0]);
        } catch (TimeoutException e) {
            return -1;
        }
    }

    Stats stats() throws TimeoutException, InterruptedException {
        return parse(jvm.request("stats", ANSWER), -1);
    }

    Stats gcStats() throws TimeoutException, InterruptedException {
        String[] a = jvm.request("gcstats", ANSWER);
        return parse(a, Long.parseLong(a[5]));
    }

    private static Stats parse(String[] a, long heap) {
        return new Stats(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Long.parseLong(a[2]),
                Long.parseLong(a[3]), Long.parseLong(a[4]), heap);
    }

    /**
     * Write-family system calls the server process has made so far ({@code syscw} of
     * {@code /proc/PID/io}: write, writev, pwrite; on sockets, files and the selector's eventfd
     * alike), read from outside so that reading costs the server nothing; -1 where there is no
     * such file.
     */
    long writeSyscalls() {
        return ProcIo.syscw(Path.of("/proc", Long.toString(jvm.pid()), "io"));
    }

    /** Waits until the server holds at most {@code max} streams; returns the last count seen. */
    int awaitConnectionsAtMost(int max, Duration limit) throws TimeoutException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        int n;
        while ((n = stats().connections()) > max && System.nanoTime() < end) {
            Thread.sleep(250);
        }
        return n;
    }

    @Override
    public void close() {
        jvm.close();
    }

    static void quietlyClose(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("closing failed: " + e);
        }
    }

    static Path ensure(Path dir) throws IOException {
        return java.nio.file.Files.createDirectories(dir);
    }
}
