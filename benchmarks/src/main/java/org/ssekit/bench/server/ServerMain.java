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
package org.ssekit.bench.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.jetty.server.Server;

/**
 * A server process under test: {@code ServerMain STACK HEARTBEAT_MILLIS}, driven by line
 * commands on stdin, one answer line on stdout each.
 *
 * <pre>
 * (at start)                          -> ready PORT
 * publish COUNT PER_SECOND PAYLOAD    -> ok NANOS_TAKEN
 * stats                               -> ok CONNECTIONS THREADS RSS_KIB CPU_NANOS PUBLISH_FAILURES
 * gcstats                             -> ok CONNECTIONS THREADS RSS_KIB CPU_NANOS PUBLISH_FAILURES HEAP_AFTER_GC
 * quit
 * </pre>
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerUnderTest stack = Stacks.create(args[0]);
        Duration heartbeat = Duration.ofMillis(Long.parseLong(args[1]));
        Server server = JettyServers.start(stack, heartbeat);
        Publisher publisher = new Publisher(stack);
        System.out.println("ready " + JettyServers.port(server));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            System.out.println(answer(stack, publisher, line.trim().split(" ")));
            System.out.flush();
        }
        stack.stop();
        server.stop();
        System.exit(0);
    }

    private static String answer(ServerUnderTest stack, Publisher publisher, String[] cmd) {
        try {
            return "ok " + execute(stack, publisher, cmd);
        } catch (Exception | Error e) {
            return "err " + e;
        }
    }

    private static String execute(ServerUnderTest stack, Publisher publisher, String[] cmd) throws Exception {
        switch (cmd[0]) {
            case "publish":
                return Long.toString(publisher.publish(Integer.parseInt(cmd[1]), Double.parseDouble(cmd[2]),
                        Integer.parseInt(cmd[3])));
            case "stats":
                return stats(stack);
            case "gcstats":
                long heap = ProcessStats.heapAfterGc();
                return stats(stack) + " " + heap;
            default:
                throw new IllegalArgumentException("unknown command " + cmd[0]);
        }
    }

    private static String stats(ServerUnderTest stack) {
        return stack.connections() + " " + ProcessStats.threads() + " " + ProcessStats.rssKib() + " "
                + ProcessStats.cpuNanos() + " " + stack.publishFailures();
    }
}
