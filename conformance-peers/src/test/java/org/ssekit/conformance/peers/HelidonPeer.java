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
import java.io.File;
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

/**
 * The Helidon 4 SE peer ({@code src/test/helidon}, compiled by the Java 21+ javac of the build) in a JVM
 * of its own, the Temurin one the build names in {@code peers.helidonJava}: this test JVM is Java 17.
 * The child prints {@code port=N}; closing its standard input stops it.
 */
final class HelidonPeer implements Peer {
    private static final String MAIN = "org.ssekit.conformance.peers.helidon.HelidonSsePeer";
    private final Process process;
    private final int port;

    private HelidonPeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the child JVM and waits (at most 180 s: a JVM start on a loaded machine is slow) for its port. */
    static HelidonPeer start() throws IOException, InterruptedException {
        String java = required("peers.helidonJava");
        String classpath = required("peers.helidonClasses") + File.pathSeparator
                + Files.readString(Path.of(required("peers.helidonClasspath")), StandardCharsets.UTF_8).trim();
        Path log = Path.of("target", "helidon-peer.log");
        Process process = new ProcessBuilder(java, "-cp", classpath, MAIN)
                .redirectError(log.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> readPort(out));
        try {
            return new HelidonPeer(process, port.get(180, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the Helidon peer did not start; see " + log.toAbsolutePath(), e);
        }
    }

    private static int readPort(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("port=")) {
                    return Integer.parseInt(line.substring("port=".length()).trim());
                }
            }
            throw new IllegalStateException("the Helidon peer ended before printing its port");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Helidon peer's output", e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (the build sets it)");
        }
        return value;
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/fx");
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
