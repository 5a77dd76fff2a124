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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The example as a cluster: Redis and N nodes of the example on embedded Jetty, each in its own
 * JVM, all sharing their event logs through Redis (sse-redis), each declaring the others as its
 * peers. {@link #main} is what README's cluster command runs: Redis from {@code -Dssekit.redis.uri}
 * if given, else the one answering on 127.0.0.1:6379, else Debian's {@code redis-server} started
 * there; nodes on 8081, 8082 and 8083 ({@code -Dports=...}); Ctrl-C stops all of it.
 *
 * <p>Not thread-safe; one cluster per instance.
 */
final class ExampleCluster implements AutoCloseable {
    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

    private final Process redis; // null when an existing Redis is used
    private final String redisUri;
    private final List<Process> nodes = new ArrayList<>();
    private final List<Integer> ports;

    private ExampleCluster(Process redis, String redisUri, List<Integer> ports) {
        this.redis = redis;
        this.redisUri = redisUri;
        this.ports = List.copyOf(ports);
    }

    /**
     * Starts the nodes on {@code ports} against {@code redisUri}, or against a Redis of its own
     * on {@code redisPort} when {@code redisUri} is null; returns once every node serves.
     */
    static ExampleCluster start(List<Integer> ports, String redisUri, int redisPort, Path workDir) throws Exception {
        Process redis = null;
        String uri = redisUri;
        if (uri == null) {
            RequiredTool.require(Files.isExecutable(REDIS_SERVER),
                    "the cluster needs Debian's redis-server (" + REDIS_SERVER + ") or -Dssekit.redis.uri");
            Path dir = Files.createDirectories(workDir.resolve("redis-" + redisPort));
            redis = new ProcessBuilder(REDIS_SERVER.toString(), "--port", Integer.toString(redisPort),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            uri = "redis://127.0.0.1:" + redisPort;
            awaitPing(redisPort, Duration.ofSeconds(20));
        }
        ExampleCluster cluster = new ExampleCluster(redis, uri, ports);
        try {
            for (int port : ports) {
                cluster.nodes.add(cluster.startNode(port, workDir));
            }
            for (int port : ports) {
                awaitServing(port, Duration.ofSeconds(90));
            }
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private Process startNode(int port, Path workDir) throws IOException {
        String peers = ports.stream().filter(p -> p != port).map(p -> "http://127.0.0.1:" + p)
                .collect(Collectors.joining(","));
        Path log = workDir.resolve("node-" + port + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dport=" + port, "-DhttpsPort=0", "-Dssekit.redis.uri=" + redisUri, "-D" + Cluster.PEERS_PROPERTY + "=" + peers,
                "-Dssekit.tls.dir=" + workDir.resolve("tls-" + port),
                "-Dexample.webapp=" + System.getProperty("example.webapp", "target/war-example-0.1.0-SNAPSHOT"),
                ExampleServer.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    URI node(int i) {
        return URI.create("http://127.0.0.1:" + ports.get(i) + "/");
    }

    int size() {
        return ports.size();
    }

    String redisUri() {
        return redisUri;
    }

    /** Kills node {@code i} at once (no graceful shutdown), as a crash would. */
    void kill(int i) {
        nodes.get(i).destroyForcibly();
    }

    @Override
    public void close() {
        nodes.forEach(Process::destroy);
        for (Process p : nodes) {
            waitOrKill(p);
        }
        if (redis != null) {
            redis.destroy();
            waitOrKill(redis);
        }
    }

    private static void waitOrKill(Process p) {
        try {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static boolean answersPing(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.readNBytes(buf, 0, 7);
            return new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitPing(int port, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!answersPing(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not answer on port " + port + " within " + bound);
            }
            Thread.sleep(50);
        }
    }

    private static void awaitServing(int port, Duration bound) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI capabilities = URI.create("http://127.0.0.1:" + port + "/conformance/servlet/capabilities");
        long deadline = System.nanoTime() + bound.toNanos();
        for (;;) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(capabilities).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the example node on port " + port + " did not start within " + bound);
            }
            Thread.sleep(200);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** README's cluster command: Redis and three nodes, until Ctrl-C. */
    public static void main(String[] args) throws Exception {
        List<Integer> ports = new ArrayList<>();
        for (String p : System.getProperty("ports", "8081,8082,8083").split(",")) {
            ports.add(Integer.parseInt(p.strip()));
        }
        String uri = System.getProperty("ssekit.redis.uri", "");
        uri = uri.isBlank() ? null : uri;
        if (uri == null && answersPing(6379)) {
            uri = "redis://127.0.0.1:6379";
        }
        Path work = Files.createDirectories(Path.of(System.getProperty("cluster.dir", "target/cluster")));
        ExampleCluster cluster = start(ports, uri, 6379, work);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-stop"));
        System.out.println("ssekit example cluster: Redis " + cluster.redisUri()
                + (cluster.redis == null ? " (existing)" : " (started here, data kept in memory only)"));
        for (int i = 0; i < cluster.size(); i++) {
            System.out.println("  node " + (i + 1) + ": " + cluster.node(i) + "  (fixtures "
                    + cluster.node(i) + "conformance/servlet and " + cluster.node(i) + "conformance/jaxrs)");
        }
        System.out.println("logs under " + work.toAbsolutePath() + " (Ctrl-C stops the nodes and the Redis started here)");
        for (Process p : cluster.nodes) {
            p.waitFor();
        }
    }
}
