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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Redis server of the {@code ssekit-redis} stack: Debian's {@code redis-server} on a free
 * loopback port, without persistence, started once per benchmark run, with its log in the run's
 * log directory. Its CPU time is what {@code INFO cpu} reports ({@code used_cpu_user} +
 * {@code used_cpu_sys}, microsecond resolution; {@code /proc}'s 10 ms ticks are too coarse for a
 * few thousand events).
 *
 * <p>Not thread-safe: the harness drives it from its one thread.
 */
final class RedisProcess implements AutoCloseable {
    static final Path BINARY = Path.of(System.getProperty("bench.redisServer", "/usr/bin/redis-server"));

    private final Process process;
    private final int port;
    private int streams;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    static RedisProcess start(Path logDir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path dir = Files.createDirectories(logDir.resolve("redis"));
        Process p = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no")
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        RedisProcess r = new RedisProcess(p, port);
        try {
            r.awaitAnswer();
        } catch (IOException e) {
            r.close();
            throw e;
        }
        return r;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** A stream name no earlier measurement of this run used: every measurement starts from an empty log. */
    String nextStream() {
        return "bench-" + ++streams;
    }

    /** Redis's CPU time so far (user + system), in nanoseconds. */
    long cpuNanos() {
        try (Socket s = connect()) {
            String info = bulkReply(s, "INFO cpu");
            double seconds = 0;
            for (String line : info.split("\r\n")) {
                if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                    seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1));
                }
            }
            return (long) (seconds * 1e9);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read redis-server's CPU time: " + e, e);
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        s.setSoTimeout(5000);
        return s;
    }

    /** Sends an inline command and reads its bulk-string reply ({@code $LEN\r\nBODY\r\n}). */
    private static String bulkReply(Socket s, String command) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder header = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("redis-server closed the connection");
            }
            header.append((char) c);
        }
        if (header.charAt(0) != '$') {
            throw new IOException("unexpected reply to " + command + ": " + header.toString().trim());
        }
        int length = Integer.parseInt(header.substring(1).trim());
        return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }

    private void awaitAnswer() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue());
            }
            try (Socket s = connect()) {
                if (bulkReply(s, "ECHO ready").equals("ready")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for redis-server", e);
            }
        }
        throw new IOException("redis-server did not answer on port " + port);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
