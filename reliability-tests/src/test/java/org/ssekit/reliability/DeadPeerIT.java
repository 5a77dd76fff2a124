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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dead peers: a client that vanishes without FIN or RST. The test makes two network
 * namespaces of its own joined by a veth pair (10.200.N.1/30 and .2/30, inside them only);
 * the server ({@link DeadPeerServer}, servlet binding on Jetty or Tomcat) runs in one, curl in
 * the other. Mid-stream the client's link goes down: no packet, no FIN, no RST reaches the
 * server again. A busy stream is freed by the write-stall timeout (3 s here) once the kernel's
 * send buffer is full; an idle one only when TCP gives up retransmitting (net.ipv4.tcp_retries2:
 * the kernel default, 15, takes about 15 minutes; this test sets 4 in the server's namespace for
 * the idle case, about 6.2 s, apart from the 3 s stall timeout). Needs root (ip netns), as CI has.
 */
class DeadPeerIT {
    private static final long STALL_MILLIS = 3000;
    private static final long HEARTBEAT_MILLIS = 200;
    private static final int IDLE_CAP_SECONDS = Heap.intProp("deadpeer.idle.cap.seconds", 20);

    /**
     * Container, mode, tcp_retries2 in the server's namespace, the bound in seconds. The long
     * profile adds idle streams at the kernel default (15), bounded by its retransmission
     * timeout (924.6 s modelled on a 200 ms RTO; the timer that notices may fire up to one 120 s backoff later) plus slack: 1,100 s.
     */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("jetty", "busy", 15, 30),
                Arguments.of("tomcat", "busy", 15, 30),
                Arguments.of("jetty", "idle", 4, 12),
                Arguments.of("tomcat", "idle", 4, 12)));
        if (IDLE_CAP_SECONDS >= 1100) {
            cases.add(Arguments.of("jetty", "idle", 15, 1100));
            cases.add(Arguments.of("tomcat", "idle", 15, 1100));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} tcp_retries2={2}")
    @MethodSource("cases")
    void aClientThatVanishesWithoutFinOrRstIsFreedWithinTheBound(String container, String mode, int retries2, int boundSeconds)
            throws Exception {
        long id = ProcessHandle.current().pid() % 200 + 20;
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        String ns = "skdps" + tag;
        String nc = "skdpc" + tag;
        String vs = "vs" + tag;
        String vc = "vc" + tag;
        String serverIp = "10.200." + id + ".1";
        List<Process> started = new ArrayList<>();
        try {
            sh("ip", "netns", "add", ns);
            sh("ip", "netns", "add", nc);
            sh("ip", "link", "add", vs, "type", "veth", "peer", "name", vc);
            sh("ip", "link", "set", vs, "netns", ns);
            sh("ip", "link", "set", vc, "netns", nc);
            sh("ip", "-n", ns, "addr", "add", serverIp + "/30", "dev", vs);
            sh("ip", "-n", nc, "addr", "add", "10.200." + id + ".2/30", "dev", vc);
            sh("ip", "-n", ns, "link", "set", vs, "up");
            sh("ip", "-n", nc, "link", "set", vc, "up");
            sh("ip", "-n", ns, "link", "set", "lo", "up");
            sh("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv4.tcp_retries2=" + retries2);

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process server = new ProcessBuilder("ip", "netns", "exec", ns, java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    DeadPeerServer.class.getName(), container, serverIp, mode, Long.toString(STALL_MILLIS), Long.toString(HEARTBEAT_MILLIS))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            started.add(server);
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException ignored) {
                    // the server ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            String portLine = lines.poll(90, TimeUnit.SECONDS);
            assertThat(portLine).as("the server's port line").isNotNull().startsWith("PORT ");
            String url = "http://" + serverIp + ":" + portLine.substring(5).trim() + "/events?channel=c&client=dp";
            Process curl = new ProcessBuilder("ip", "netns", "exec", nc, "curl", "-sN", "-H", "Accept: text/event-stream", url)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            started.add(curl);
            AtomicLong bytes = new AtomicLong();
            Thread drain = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (InputStream in = curl.getInputStream()) {
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        bytes.addAndGet(n);
                    }
                } catch (IOException ignored) {
                    // curl ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            long until = System.currentTimeMillis() + 30_000;
            while (bytes.get() == 0 && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertThat(bytes.get()).as("bytes the client got before it vanished").isPositive();
            Thread.sleep(2000); // streaming for a while, so the send buffer has grown as it would
            long before = bytes.get();
            long down = System.currentTimeMillis();
            sh("ip", "-n", nc, "link", "set", vc, "down");
            long cap = Math.max(boundSeconds + 10L, 30);
            String closed = null;
            long deadline = down + cap * 1000;
            while (closed == null && System.currentTimeMillis() < deadline) {
                String l = lines.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
                if (l != null && l.startsWith("CLOSED dp ")) {
                    closed = l;
                }
            }
            Double freedSeconds = closed == null ? null : (Long.parseLong(closed.split(" ")[2]) - down) / 1000.0;
            Heap.report(String.format("dead peer, servlet on %s, %s stream (512-byte events every 10 ms: %s), writeStallTimeout %d ms,"
                    + " heartbeat %d ms, tcp_retries2 %d: client got %d bytes, link down; stream freed after %s; %s",
                    container, mode, "busy".equals(mode) ? "yes" : "no, heartbeats only", STALL_MILLIS, HEARTBEAT_MILLIS, retries2, before,
                    freedSeconds == null ? "more than " + cap + " s (not freed)" : String.format("%.2f s", freedSeconds), Heap.load()));
            assertThat(freedSeconds).as("seconds from link down to the stream freed").isNotNull().isLessThan((double) boundSeconds);
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            shQuiet("ip", "netns", "del", ns);
            shQuiet("ip", "netns", "del", nc);
        }
    }

    private static void sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
        }
    }

    private static void shQuiet(String... cmd) {
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            System.out.println("[dead-peer] cleanup: " + e);
        }
    }
}
