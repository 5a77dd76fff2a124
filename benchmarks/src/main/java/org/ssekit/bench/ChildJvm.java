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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM on this class path, driven by line commands: each command gets one answer line
 * starting with {@code ok}, {@code err} or {@code ready}; other output goes to a log file.
 * Each child has its own file limit and its own memory figures.
 *
 * <p>Thread safety: not thread-safe; one driving thread.
 */
final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::readAnswers, name + "-answers");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(String name, List<String> jvmOptions, Class<?> main, List<String> args, Path logDir)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()))
                .start();
        return new ChildJvm(name, p);
    }

    private void readAnswers() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("ok") || line.startsWith("err") || line.startsWith("ready")) {
                    answers.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            answers.add("err process ended");
        }
    }

    void send(String command) {
        commands.println(command);
    }

    /** The next answer's words after {@code ok}/{@code ready}; fails on {@code err} or timeout. */
    String[] await(Duration timeout) throws TimeoutException, InterruptedException {
        String line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new TimeoutException(name + " did not answer within " + timeout);
        }
        if (line.startsWith("err")) {
            answers.add("err process ended");
            throw new IllegalStateException(name + ": " + line);
        }
        String rest = line.substring(line.indexOf(' ') + 1);
        return line.indexOf(' ') < 0 ? new String[0] : rest.split(" ");
    }

    String[] request(String command, Duration timeout) throws TimeoutException, InterruptedException {
        send(command);
        return await(timeout);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            send("quit");
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
