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
        String conf = """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    gzip on;
                    gzip_types text/event-stream;
                    gzip_min_length 0;
                    client_body_temp_path %1$s/client;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                %3$s
                    }
                %4$s
                }
                """.formatted(prefix, port, locations, tlsServer);
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
