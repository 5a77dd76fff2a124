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
package org.ssekit.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A real redis-server (Debian's /usr/bin/redis-server) on a free loopback port in a temporary
 * directory. Outside CI a missing binary skips the test; with CI=true it fails it.
 */
@SuppressWarnings("try") // close() may throw InterruptedException: it waits for the process
final class RedisServer implements AutoCloseable {
    static final Path BINARY = Path.of(System.getProperty("ssekit.test.redisServer", "/usr/bin/redis-server"));

    private final int port;
    private final Path dir;
    private final List<String> args;
    private Path config;
    private Process process;

    private RedisServer(int port, Path dir, List<String> args) {
        this.port = port;
        this.dir = dir;
        this.args = args;
    }

    /** Skips (outside CI) or fails (CI=true) when redis-server is missing. */
    static void requireBinary() {
        boolean present = Files.isExecutable(BINARY);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(BINARY + " is missing: CI must install Debian's redis-server");
        }
        assumeTrue(present, BINARY + " is missing: install redis-server to run the Redis tests");
    }

    /** Starts a server without persistence ({@code --save ''}), plus {@code extra} arguments. */
    static RedisServer start(String... extra) throws IOException {
        requireBinary();
        List<String> a = new ArrayList<>(List.of("--save", "", "--appendonly", "no"));
        a.addAll(List.of(extra));
        RedisServer s = new RedisServer(freePort(), Files.createTempDirectory("ssekit-redis"), a);
        s.launch();
        return s;
    }

    /**
     * Starts a Sentinel (redis-server in sentinel mode) that watches the primary on
     * {@code primaryPort} as {@code master}, with one vote needed and a 500 ms down-after.
     */
    static RedisServer sentinel(String master, int primaryPort) throws IOException {
        requireBinary();
        RedisServer s = new RedisServer(freePort(), Files.createTempDirectory("ssekit-sentinel"), List.of("--sentinel"));
        s.config = s.dir.resolve("sentinel.conf");
        Files.writeString(s.config, "sentinel monitor " + master + " 127.0.0.1 " + primaryPort + " 1\n"
                + "sentinel down-after-milliseconds " + master + " 500\n"
                + "sentinel failover-timeout " + master + " 3000\n");
        s.launch();
        return s;
    }

    static int freePort() throws IOException {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return ss.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the process again on the same port and directory (after {@link #stop} or {@link #kill}). */
    void launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString()));
        if (config != null) {
            cmd.add(config.toString()); // a config file must come first
        }
        cmd.addAll(List.of("--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--daemonize", "no", "--logfile",
                dir.resolve("redis.log").toString()));
        cmd.addAll(args);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(dir.resolve("stdout.log"))
                        + readLog());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.setSoTimeout(500);
                InputStream in = s.getInputStream();
                byte[] b = new byte[7];
                int n = in.read(b);
                if (n > 0 && new String(b, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.onSpinWait();
        }
        throw new IOException("redis-server did not answer on port " + port + ": " + readLog());
    }

    private String readLog() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** A clean shutdown (SIGTERM): with appendonly, everything written is on disk. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** SIGKILL: what a crash looks like. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Runs {@code admin} on a short-lived connection of its own. */
    <T> T admin(java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> admin) {
        RedisClient c = RedisClient.create(uri());
        try (StatefulRedisConnection<String, String> conn = c.connect()) {
            conn.setTimeout(Duration.ofSeconds(10));
            return admin.apply(conn.sync());
        } finally {
            c.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() throws Exception {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
