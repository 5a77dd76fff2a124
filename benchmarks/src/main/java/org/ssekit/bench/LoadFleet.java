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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.ssekit.bench.load.LatencyHistogram;
import org.ssekit.bench.load.LoadMain;

/**
 * The load generators: several child JVMs (one may open at most 20,000 files), each with its
 * own block of loopback source addresses 127.0.0.x, sharing out every command.
 */
final class LoadFleet implements AutoCloseable {
    static final int SOURCES_PER_PROCESS = 8;
    private static final int FIRST_SOURCE = 10;
    private static final Duration ANSWER = Duration.ofSeconds(30);
    private static final Duration OPEN = Duration.ofMinutes(10);

    private final List<ChildJvm> children = new ArrayList<>();

    /** Totals over every load generator since the last reset. */
    record Stats(long events, long beats, int open, long lost, LatencyHistogram latency) {
    }

    LoadFleet(int processes, Path logDir) throws Exception {
        for (int i = 0; i < processes; i++) {
            ChildJvm c = ChildJvm.start("load-" + i, List.of("-Xmx512m", "-XX:+UseParallelGC"),
                    LoadMain.class, List.of(), logDir);
            children.add(c);
        }
        for (ChildJvm c : children) {
            c.await(ANSWER);
        }
    }

    /** Opens {@code total} streams shared over the processes; returns how many opened. */
    int open(int port, int total, boolean slowFirst) throws Exception {
        for (int i = 0; i < children.size(); i++) {
            children.get(i).send("open 127.0.0.1 " + port + " /events " + share(total, i) + " "
                    + source(i) + " " + SOURCES_PER_PROCESS + " " + (slowFirst && i == 0 ? 1 : 0));
        }
        int opened = 0;
        for (ChildJvm c : children) {
            opened += Integer.parseInt(c.await(OPEN)[0]);
        }
        return opened;
    }

    /** Connects and disconnects {@code total} times at about {@code perSecond}; returns the successes. */
    int churn(int port, int total, double perSecond) throws Exception {
        for (int i = 0; i < children.size(); i++) {
            children.get(i).send("churn 127.0.0.1 " + port + " /events " + share(total, i) + " "
                    + source(i) + " " + SOURCES_PER_PROCESS + " " + perSecond / children.size());
        }
        int ok = 0;
        for (ChildJvm c : children) {
            ok += Integer.parseInt(c.await(OPEN)[0]);
        }
        return ok;
    }

    private int share(int total, int i) {
        int n = children.size();
        return total / n + (i < total % n ? 1 : 0);
    }

    private static int source(int i) {
        return FIRST_SOURCE + i * SOURCES_PER_PROCESS;
    }

    void reset() throws Exception {
        all("reset");
    }

    void pauseOne() throws Exception {
        children.get(0).request("pause", ANSWER);
    }

    void closeAll() throws Exception {
        all("closeall");
    }

    private void all(String command) throws TimeoutException, InterruptedException {
        for (ChildJvm c : children) {
            c.send(command);
        }
        for (ChildJvm c : children) {
            c.await(ANSWER);
        }
    }

    Stats stats() throws Exception {
        for (ChildJvm c : children) {
            c.send("stats");
        }
        long events = 0;
        long beats = 0;
        int open = 0;
        long lost = 0;
        LatencyHistogram h = new LatencyHistogram();
        for (ChildJvm c : children) {
            String[] a = c.await(ANSWER);
            events += Long.parseLong(a[0]);
            beats += Long.parseLong(a[1]);
            open += Integer.parseInt(a[2]);
            lost += Long.parseLong(a[3]);
            h.add(LatencyHistogram.decode(a[4]));
        }
        return new Stats(events, beats, open, lost, h);
    }

    /** Waits until {@code expected} events arrived or {@code limit} passed; returns the last figures. */
    Stats awaitEvents(long expected, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        Stats s = stats();
        while (s.events() < expected && System.nanoTime() < end) {
            Thread.sleep(20);
            s = stats();
        }
        return s;
    }

    @Override
    public void close() {
        children.forEach(ChildJvm::close);
    }
}
