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
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;


/**
 * A real nginx (Debian's) as a reverse proxy in front of the example, with a generated
 * configuration in a temporary prefix: nginx's default proxy buffering, and gzip for
 * {@code text/event-stream} as many sites configure it. Two locations: {@code /} honours the
 * upstream's {@code X-Accel-Buffering: no}; {@code /buffered/} is told to ignore it, which is
 * what nginx does with a stream that lacks the header; optionally the same over https with
 * HTTP/2. (nginx 1.22 forwards the chunks of a
 * buffered proxied response as they come; what holds events back is that in buffered mode
 * nothing flushes the gzip stream, while unbuffered mode flushes it after every read.)
 */
final class Nginx implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path prefix;
    private final int port;
    private final int tlsPort;

    private Nginx(Process process, Path prefix, int port, int tlsPort) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    static Nginx proxyTo(int upstreamPort) throws IOException, InterruptedException {
        return proxyTo(upstreamPort, null);
    }

    /**
     * Like {@link #proxyTo(int)}, plus, when {@code keys} is given, an https server with
     * HTTP/2 ({@code listen ... ssl http2}: the form nginx 1.22 knows; {@code http2 on} came
     * with 1.25.1) and the same locations, proxying over HTTP/1.1 to the same upstream.
     */
    static Nginx proxyTo(int upstreamPort, TlsKeys keys) throws IOException, InterruptedException {
        RequiredTool.require(Files.isExecutable(BINARY), "nginx tests need Debian's nginx (" + BINARY + ")");
        Path prefix = Files.createTempDirectory("ssekit-nginx-");
        int port = freePort();
        int tlsPort = keys == null ? -1 : freePort();
        String upstream = "http://127.0.0.1:" + upstreamPort;
        String locations = """
                        location / {
                            proxy_pass %1$s;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                        }
                        location /buffered/ {
                            proxy_pass %1$s/;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_ignore_headers X-Accel-Buffering;
                        }
                """.formatted(upstream);
        String tlsServer = keys == null ? "" : """
                    server {
                        listen 127.0.0.1:%1$d ssl http2;
                        ssl_certificate %2$s;
                        ssl_certificate_key %3$s;
                        # The suite's huge Last-Event-ID (BAD-01) reaches the upstream, which answers 431.
                        large_client_header_buffers 4 128k;
                        http2_max_field_size 128k;
                        http2_max_header_size 256k;
                %4$s
                    }
                """.formatted(tlsPort, keys.certificatePem().toAbsolutePath(), keys.privateKeyPem().toAbsolutePath(),
                locations);
        String http = """
                    gzip on;
                    gzip_types text/event-stream;
                    gzip_min_length 0;
                    server {
                        listen 127.0.0.1:%1$d;
                %2$s
                    }
                %3$s
                """.formatted(port, locations, tlsServer);
        return start(prefix, port, tlsPort, http);
    }

    /**
     * nginx as the load balancer of a cluster: one {@code upstream} over {@code upstreamPorts}
     * with nginx's default round robin, so every new request (a new stream, a reconnect, a
     * publish) goes to the next node, with the settings an event stream needs there:
     * {@code proxy_buffering off} (each event is passed on as it comes, whatever the upstream's
     * headers say), {@code proxy_http_version 1.1} with an empty {@code Connection} header
     * (nginx speaks HTTP/1.0 to upstreams by default, which has no chunked encoding), and a
     * {@code proxy_read_timeout} of an hour (nginx's default of 60 s cuts a stream quiet for
     * that long; the fixture's 1 s heartbeats keep a stream well inside either). The
     * files in {@code pages} (may be null) are served by nginx itself under {@code /pages/},
     * so a page and its streams share one origin. The serving node of a request is the one
     * nginx picked; the access log is off, as in {@link #proxyTo(int)}.
     */
    static Nginx roundRobin(java.util.List<Integer> upstreamPorts, Path pages) throws IOException, InterruptedException {
        RequiredTool.require(Files.isExecutable(BINARY), "nginx tests need Debian's nginx (" + BINARY + ")");
        Path prefix = Files.createTempDirectory("ssekit-nginx-");
        int port = freePort();
        StringBuilder servers = new StringBuilder();
        for (int upstreamPort : upstreamPorts) {
            servers.append("        server 127.0.0.1:").append(upstreamPort).append(";\n");
        }
        String pagesLocation = "";
        if (pages != null) {
            Path copy = Files.createDirectories(prefix.resolve("pages"));
            try (var files = Files.list(pages)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, copy.resolve(f.getFileName().toString()));
                }
            }
            pagesLocation = "location /pages/ { alias " + copy.toAbsolutePath() + "/; }";
        }
        String http = """
                    upstream cluster {
                %1$s    }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://cluster;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_buffering off;
                            proxy_read_timeout 1h;
                        }
                        location = /favicon.ico { return 204; }
                        %3$s
                    }
                """.formatted(servers, port, pagesLocation);
        return start(prefix, port, -1, http);
    }

    /** Writes nginx.conf with {@code http} as the body of its {@code http} block, starts nginx, waits for it. */
    private static Nginx start(Path prefix, int port, int tlsPort, String http) throws IOException, InterruptedException {
        String conf = """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(prefix, http);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(BINARY.toString(), "-p", prefix.toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, prefix, port, tlsPort);
        nginx.awaitListening(Duration.ofSeconds(10));
        return nginx;
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("nginx did not start: " + Files.readString(prefix.resolve("stdout.log"))
                            + readIfExists(prefix.resolve("error.log")));
                }
                // The process is starting: wait for it a little, or for its exit.
                process.waitFor(20, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String readIfExists(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }

    int port() {
        return port;
    }

    /** The https (h2) port, when started with keys. */
    int tlsPort() {
        return tlsPort;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(prefix)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        }
    }
}
