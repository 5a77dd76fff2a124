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
package org.ssekit.conformance.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Quarkus REST peer: the app that module conformance-peer-quarkus builds with the Quarkus plugin
 * ({@code target/quarkus-app/quarkus-run.jar}), started in a JVM of its own on a free port
 * ({@code -Dquarkus.http.port=0}); the port is read from its "Listening on" log line. Quarkus and
 * RESTEasy cannot share a class path, and Quarkus runs its app only from its own build.
 */
final class QuarkusPeer implements Peer {
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");
    private final Process process;
    private final int port;

    private QuarkusPeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the built app and waits (at most 180 s: a JVM start on a loaded machine is slow) until it listens. */
    static QuarkusPeer start() throws IOException, InterruptedException {
        String jar = System.getProperty("peers.quarkusApp");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no Quarkus app at " + jar + " (module conformance-peer-quarkus builds it)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "quarkus-peer.log");
        Process process = new ProcessBuilder(java, "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.log.console.color=false", "-jar", jar)
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> readPort(out, log));
        try {
            return new QuarkusPeer(process, port.get(180, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the Quarkus peer did not start; see " + log.toAbsolutePath(), e);
        }
    }

    /** Reads the port, then keeps copying the app's output to the log so its pipe never fills. */
    private static int readPort(BufferedReader out, Path log) {
        try {
            var writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
            Integer port = null;
            for (String line = out.readLine(); line != null && port == null; line = out.readLine()) {
                writer.write(line);
                writer.newLine();
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    port = Integer.valueOf(matcher.group(1));
                }
            }
            writer.flush();
            if (port == null) {
                writer.close();
                throw new IllegalStateException("the Quarkus peer ended before it listened");
            }
            Thread drain = new Thread(() -> drain(out, writer), "quarkus-peer-log");
            drain.setDaemon(true);
            drain.start();
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Quarkus peer's output", e);
        }
    }

    private static void drain(BufferedReader out, java.io.Writer writer) {
        try (writer) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                writer.write(line);
                writer.write(System.lineSeparator());
            }
        } catch (IOException e) {
            // the app ended
        }
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/fx");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
