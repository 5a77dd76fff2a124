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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ssekit.bench.report.Report;
import org.ssekit.bench.report.Results;
import org.ssekit.bench.server.Stacks;

/**
 * Runs every scenario against every stack in one invocation and writes the report.
 *
 * <pre>
 * java -cp ... org.ssekit.bench.Main [--quick|--full] [--runs N] [--stacks a,b] [--scenarios a,b]
 *     [--fanout-subscribers 1000,...] [--idle-connections 19000,...] [--out DIR]
 * </pre>
 * Exits 1 when the harness itself failed (a scenario threw); missed targets are reported, not fatal.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args).withRedisIfAvailable();
        Path logs = ServerProcess.ensure(o.out().resolve("logs"));
        Results results = new Results();
        System.out.println("ssekit benchmarks, " + o.config().mode() + " mode, " + o.config().runs() + " run(s), stacks "
                + o.stacks());
        int failures = 0;
        try (RedisProcess redis = o.stacks().contains(Stacks.SSEKIT_REDIS) ? RedisProcess.start(logs) : null;
             LoadFleet fleet = new LoadFleet(o.config().loadProcesses(), logs)) {
            for (int run = 1; run <= o.config().runs(); run++) {
                for (Scenario s : o.scenarios()) {
                    if (run <= s.runs(o.config())) {
                        failures += runScenario(o, s, run, fleet, redis, results, logs);
                        // Written after every scenario, so an interrupted run still leaves its figures.
                        Report.writeFiles(results, o.config().mode(), o.config().runs(), o.stacks(), o.out());
                    }
                }
            }
        }
        Report.write(results, o.config().mode(), o.config().runs(), o.stacks(), o.out());
        System.out.println(failures == 0 ? "harness: all measurements ran" : "harness: " + failures + " failed");
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int runScenario(Options o, Scenario s, int run, LoadFleet fleet, RedisProcess redis, Results results,
                                   Path logs) {
        int failures = 0;
        for (int param : s.params(o.config())) {
            for (String stack : o.stacks()) {
                if (!s.appliesTo(stack)) {
                    continue;
                }
                Recorder out = new Recorder(results, s.name(), Integer.toString(param), stack, run);
                if (!measureOne(o.config(), s, param, stack, fleet, redis, out, logs)) {
                    failures++;
                }
            }
        }
        return failures;
    }

    private static boolean measureOne(BenchConfig c, Scenario s, int param, String stack, LoadFleet fleet,
                                      RedisProcess redis, Recorder out, Path logs) {
        ServerProcess server = null;
        long start = System.nanoTime();
        try {
            server = ServerProcess.start(stack, c.heartbeat(), logs, redis);
            s.measure(c, param, server, fleet, out);
            System.out.printf("  (%s %d %s run %d: %.1f s)%n", s.name(), param, stack, out.run(),
                    (System.nanoTime() - start) / 1e9);
            return true;
        } catch (Exception e) {
            out.note("failed: " + e);
            return false;
        } finally {
            try {
                fleet.closeAll();
            } catch (Exception e) {
                out.note("closing the fleet's connections failed: " + e);
            }
            if (server != null) {
                server.close();
            }
        }
    }

    /** The parsed command line. */
    record Options(BenchConfig config, List<String> stacks, List<Scenario> scenarios, Path out) {
        /**
         * These options, without the {@code ssekit-redis} stack when there is no
         * {@code redis-server} here; with {@code CI=true} that is an error instead, so that CI
         * cannot leave the Redis figures out unnoticed.
         */
        Options withRedisIfAvailable() {
            if (!stacks.contains(Stacks.SSEKIT_REDIS) || RedisProcess.available()) {
                return this;
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(RedisProcess.BINARY + " is missing: CI must install redis-server");
            }
            System.out.println("note: " + RedisProcess.BINARY + " is missing: the " + Stacks.SSEKIT_REDIS
                    + " stack is left out (install redis-server to measure it)");
            List<String> left = new ArrayList<>(stacks);
            left.remove(Stacks.SSEKIT_REDIS);
            return new Options(config, List.copyOf(left), scenarios, out);
        }

        static Options parse(String[] args) {
            BenchConfig config = BenchConfig.quick();
            List<String> stacks = Stacks.available();
            List<Scenario> scenarios = allScenarios();
            Path out = Path.of("target", "bench");
            Integer runs = null;
            List<Integer> fanOut = null;
            List<Integer> idle = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> config = BenchConfig.quick();
                    case "--full" -> config = BenchConfig.full();
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--stacks" -> stacks = Arrays.asList(args[++i].split(","));
                    case "--scenarios" -> scenarios = pick(args[++i]);
                    case "--fanout-subscribers" -> fanOut = counts(args[++i]);
                    case "--idle-connections" -> idle = counts(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (runs != null) {
                config = config.withRuns(runs);
            }
            if (fanOut != null) {
                config = config.withFanOutSubscribers(fanOut);
            }
            if (idle != null) {
                config = config.withIdleConnections(idle);
            }
            return new Options(config, stacks, scenarios, out);
        }

        private static List<Integer> counts(String list) {
            List<Integer> counts = new ArrayList<>();
            for (String n : list.split(",")) {
                int v = Integer.parseInt(n.trim());
                if (v < 1) {
                    throw new IllegalArgumentException("counts must be positive, got " + v);
                }
                counts.add(v);
            }
            return counts;
        }

        private static List<Scenario> allScenarios() {
            return List.of(new FanOut(), new Latency(), new Burst(), new Idle(), new SlowConsumer(), new Churn(),
                    new Http2Streams(), new CrossNode());
        }

        private static List<Scenario> pick(String names) {
            List<Scenario> picked = new ArrayList<>();
            for (String n : names.split(",")) {
                allScenarios().stream().filter(s -> s.name().equals(n)).findFirst()
                        .ifPresentOrElse(picked::add, () -> {
                            throw new IllegalArgumentException("unknown scenario " + n);
                        });
            }
            return picked;
        }
    }
}
