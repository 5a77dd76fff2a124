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
package org.ssekit.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.ssekit.SseConfig;
import org.ssekit.SseEvent;

/**
 * The server side of {@link ReconnectStormIT} in a JVM of its own, so that the server's and the
 * clients' sockets count against two processes' open-file limits: 10,000 streams need about
 * 20,000 descriptors in one process, more than a hard limit of 20,000 leaves once the JVM's own
 * are open, and an unprivileged container cannot raise it. The servlet binding on Jetty
 * ({@link Target#servletOnJetty}) with {@code maxConnections retryMillis heartbeatMillis}; prints
 * {@code PORT n}, then answers one line per command on stdin:
 *
 * <pre>
 * publish CHANNEL DATA   -> ok           (after the publish stage completed)
 * closeall               -> ok N NANOS   (streams closed, and how long closing them took)
 * open                   -> ok N         (open streams)
 * </pre>
 * An error answers {@code err MESSAGE}. End of input stops the server.
 */
public final class StormServer {
    private StormServer() {
    }

    public static void main(String[] args) throws Exception {
        SseConfig config = SseConfig.builder().maxConnections(Integer.parseInt(args[0]))
                .retry(Duration.ofMillis(Long.parseLong(args[1])))
                .heartbeat(Duration.ofMillis(Long.parseLong(args[2]))).build();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Target target = Target.servletOnJetty(config)) {
            out.println("PORT " + target.port());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cmd = line.split(" ", 3);
                try {
                    out.println(switch (cmd[0]) {
                        case "publish" -> {
                            target.publish(cmd[1], SseEvent.of(cmd[2])).toCompletableFuture().join();
                            yield "ok";
                        }
                        case "closeall" -> {
                            long start = System.nanoTime();
                            int n = target.closeAll();
                            yield "ok " + n + " " + (System.nanoTime() - start);
                        }
                        case "open" -> "ok " + target.openStreams();
                        default -> "err unknown command " + cmd[0];
                    });
                } catch (RuntimeException e) {
                    out.println("err " + e);
                }
            }
        }
    }

    /** A {@link StormServer} process, driven from the test. Not thread-safe: one caller at a time. */
    static final class Remote implements AutoCloseable {
        private final Process process;
        private final BufferedReader answers;
        private final PrintWriter commands;
        private final int port;

        Remote(int maxConnections, Duration retry, Duration heartbeat) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    StormServer.class.getName(), Integer.toString(maxConnections), Long.toString(retry.toMillis()),
                    Long.toString(heartbeat.toMillis()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
            String first = answers.readLine();
            if (first == null || !first.startsWith("PORT ")) {
                process.destroyForcibly();
                throw new IOException("the storm server did not start: " + first);
            }
            port = Integer.parseInt(first.substring(5).trim());
        }

        int port() {
            return port;
        }

        long pid() {
            return process.pid();
        }

        void publish(String channel, String data) throws IOException {
            request("publish " + channel + " " + data);
        }

        /** Closes every open stream at once; returns the count and how long the server took, in nanoseconds. */
        long[] closeAll() throws IOException {
            String[] a = request("closeall").split(" ");
            return new long[] {Long.parseLong(a[0]), Long.parseLong(a[1])};
        }

        int openStreams() {
            try {
                return Integer.parseInt(request("open"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private String request(String command) throws IOException {
            commands.println(command);
            String answer = answers.readLine();
            if (answer == null) {
                throw new IOException("the storm server ended" + (process.isAlive() ? "" : ", exit " + process.exitValue()));
            }
            if (!answer.startsWith("ok")) {
                throw new IOException("storm server: " + answer + " (to: " + command + ")");
            }
            return answer.length() > 3 ? answer.substring(3) : "";
        }

        @Override
        public void close() throws InterruptedException {
            commands.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
