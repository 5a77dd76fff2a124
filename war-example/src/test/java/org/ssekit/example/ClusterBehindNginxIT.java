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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example cluster (three nodes in their own JVMs, one real Redis) behind a real nginx that
 * balances over the three with round robin ({@link Nginx#roundRobin}): every reconnect of a
 * client lands on the next node, which must resume it from the shared log. Chromium's own
 * EventSource (a page served by that nginx) and the npm {@code eventsource} client (4.1.1,
 * under Node) each get their stream ended by the server several times while all three nodes
 * publish, before and during each reconnect; each must end with exactly the published events,
 * in order, under the ids the publishing nodes returned. Which node served a stream is what the
 * fixture's {@code disconnect} answers: only the node that held it closes one. Then churn:
 * clients dropped at random (by themselves or by a node) that reconnect to a random node
 * (directly or through nginx) with their Last-Event-ID while every node publishes: 0 lost and
 * 0 duplicated per client ({@code -Pcluster-churn-long}: 100,000 events).
 */
class ClusterBehindNginxIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Server-side stream ends forced per client in the hop tests. */
    private static final int HOPS = 5;
    /** Events published in each batch: one while the client is connected, one while it is away. */
    private static final int BATCH = 20;
    private static final String FIXTURE = "conformance/servlet/";
    private static final String EVENTSOURCE = "eventsource@4.1.1";

    private static ExampleCluster cluster;
    private static Nginx nginx;
    private static HttpClient http;
    private static final AtomicInteger NEXT_PUBLISHER = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        // The tools first: a missing one must not cost a cluster start.
        RequiredTool.require(Files.isExecutable(Nginx.BINARY), "nginx tests need Debian's nginx (" + Nginx.BINARY + ")");
        List<Integer> ports = List.of(ExampleCluster.freePort(), ExampleCluster.freePort(), ExampleCluster.freePort());
        cluster = ExampleCluster.start(ports, null, ExampleCluster.freePort(), Path.of("target", "cluster-nginx-it"));
        nginx = Nginx.roundRobin(ports, resource("cluster-pages"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (nginx != null) {
                nginx.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ClusterBehindNginxIT.class.getResource(name).toURI());
    }

    private static URI viaNginx(String path) {
        return URI.create("http://127.0.0.1:" + nginx.port() + "/" + path);
    }

    /** One event as a client saw it or as a publish answered it. */
    record Received(String id, String data) {
    }

    // ---- the cluster's side: publish, count streams, end streams -------------------------------

    /** Publishes {@code data} on node {@code node}; the id the node answered. */
    private static String publish(int node, String channel, String data) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                cluster.node(node).resolve(FIXTURE + "publish?channel=" + channel))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(Json.object("data", data))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("publish on node %d: %s", node + 1, r.body()).isEqualTo(200);
        return Json.parseObject(r.body()).get("id").toString();
    }

    /** {@code n} events, each on the next node in turn, appended to {@code published}. */
    private static void publishBatch(String channel, int n, List<Received> published) throws Exception {
        for (int i = 0; i < n; i++) {
            int node = Math.floorMod(NEXT_PUBLISHER.getAndIncrement(), cluster.size());
            String data = Integer.toString(published.size());
            published.add(new Received(publish(node, channel, data), data));
        }
    }

    private static long openStreams(int node, String channel) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                cluster.node(node).resolve(FIXTURE + "stats?channel=" + channel)).build(),
                HttpResponse.BodyHandlers.ofString());
        return (Long) Json.parseObject(r.body()).get("connections");
    }

    /** Waits until the cluster holds exactly {@code n} open streams of {@code channel}, over all nodes. */
    private static void awaitStreams(String channel, long n) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long open = -1;
        while (System.nanoTime() < deadline) {
            open = 0;
            for (int i = 0; i < cluster.size(); i++) {
                open += openStreams(i, channel);
            }
            if (open == n) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + n + " open streams of " + channel + " on the cluster, found " + open);
    }

    /** Ends the streams of {@code channel} on node {@code node} (normally: the client should come back). */
    private static long disconnect(int node, String channel) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                cluster.node(node).resolve(FIXTURE + "disconnect?channel=" + channel))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return (Long) Json.parseObject(r.body()).get("closed");
    }

    /** Ends the one stream of {@code channel} wherever it is; the node (0-based) that held it. */
    private static int endTheStream(String channel) throws Exception {
        List<Integer> holders = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            long closed = disconnect(i, channel);
            for (long k = 0; k < closed; k++) {
                holders.add(i);
            }
        }
        assertThat(holders).as("nodes that held the stream of " + channel).hasSize(1);
        return holders.get(0);
    }

    // ---- the hop scenario, for any client ---------------------------------------------------------

    /**
     * With one client on {@code channel} (already connecting through nginx): {@link #HOPS}
     * times, a batch published while it is connected, its stream ended by the node that holds
     * it, a batch published while it is away, and its return awaited; then a last batch. The
     * client must end with exactly what was published, in order, once each.
     */
    private static void hopAcrossNodes(String client, String channel, Supplier<List<Received>> received,
            Supplier<Long> reconnects, Supplier<Long> resets) throws Exception {
        awaitStreams(channel, 1);
        List<Received> published = new ArrayList<>();
        List<Integer> servedBy = new ArrayList<>();
        for (int hop = 0; hop < HOPS; hop++) {
            publishBatch(channel, BATCH, published);
            servedBy.add(endTheStream(channel) + 1);
            publishBatch(channel, BATCH, published);
            awaitStreams(channel, 1);
        }
        publishBatch(channel, BATCH, published);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received.get().size() < published.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        servedBy.add(nodeHolding(channel) + 1);
        List<Received> got = received.get();
        System.out.println(client + " through nginx: " + got.size() + " events, " + reconnects.get()
                + " reconnects, streams served by nodes " + servedBy);

        assertNoLossNoRepeatInOrder(client, published, got);
        assertThat(resets.get()).as(client + ": reset events (a resume the cluster could not honour)").isZero();
        assertThat(reconnects.get()).as(client + ": reconnects").isGreaterThanOrEqualTo(HOPS);
        assertThat(new TreeSet<>(servedBy)).as(client + ": distinct nodes that served its streams").hasSizeGreaterThanOrEqualTo(2);
    }

    private static int nodeHolding(String channel) throws Exception {
        for (int i = 0; i < cluster.size(); i++) {
            if (openStreams(i, channel) > 0) {
                return i;
            }
        }
        throw new AssertionError("no node holds a stream of " + channel);
    }

    private static void assertNoLossNoRepeatInOrder(String client, List<Received> published, List<Received> got) {
        Set<Received> expected = new HashSet<>(published);
        Set<Received> seen = new HashSet<>();
        List<Received> repeated = new ArrayList<>();
        List<Received> unexpected = new ArrayList<>();
        for (Received r : got) {
            if (!seen.add(r)) {
                repeated.add(r);
            }
            if (!expected.contains(r)) {
                unexpected.add(r);
            }
        }
        List<Received> lost = published.stream().filter(r -> !seen.contains(r)).toList();
        assertThat(lost).as(client + ": events lost").isEmpty();
        assertThat(repeated).as(client + ": events delivered twice").isEmpty();
        assertThat(unexpected).as(client + ": events never published, or under another id").isEmpty();
        assertThat(got).as(client + ": the order of the log").containsExactlyElementsOf(published);
    }

    // ---- Chromium ---------------------------------------------------------------------------------

    @Test
    void chromiumEventSourceResumesThroughNginxOnTheNextNodeWithNoGapNoRepeat() throws Exception {
        String channel = "nginx-chromium-" + System.nanoTime();
        try (Browser browser = Browser.start()) {
            browser.driver.get(viaNginx("pages/eventsource.html?channel=" + channel).toString());
            browser.waiting(WAIT).until(d -> browser.state().equals("open"));
            hopAcrossNodes("Chromium", channel, () -> receivedIn(browser), () -> browser.counter("reconnects"),
                    () -> browser.counter("resets"));
            browser.screenshot("cluster-behind-nginx");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Received> receivedIn(Browser browser) {
        List<List<Object>> pairs = (List<List<Object>>) browser.driver.executeScript("return window.received;");
        return pairs.stream().map(p -> new Received(String.valueOf(p.get(0)), String.valueOf(p.get(1)))).toList();
    }

    // ---- the npm eventsource client under Node ----------------------------------------------------

    @Test
    void npmEventSourceResumesThroughNginxOnTheNextNodeWithNoGapNoRepeat() throws Exception {
        Path node = onPath("node");
        Path npm = onPath("npm");
        RequiredTool.require(node != null && npm != null,
                "the npm eventsource test needs Node.js 20+ and npm on the PATH (Debian: apt-get install nodejs npm)");
        Path script = installEventSource(npm);
        String channel = "nginx-npm-" + System.nanoTime();
        Process client = new ProcessBuilder(node.toString(), script.toString(),
                viaNginx(FIXTURE + "events?channel=" + channel).toString())
                .directory(script.getParent().toFile()).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process ended
            }
        }, "npm-eventsource-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Supplier<List<Received>> received = () -> lines.stream().filter(l -> l.startsWith("event "))
                    .map(l -> l.split(" ", 3)).map(f -> new Received(f[1], f.length > 2 ? f[2] : "")).toList();
            Supplier<Long> opens = () -> lines.stream().filter("open"::equals).count();
            hopAcrossNodes("npm eventsource 4.1.1", channel, received, () -> opens.get() - 1,
                    () -> lines.stream().filter(l -> l.startsWith("reset ")).count());
            assertThat(client.isAlive()).as("the Node client is still running: " + lines).isTrue();
        } finally {
            client.getOutputStream().close();
            if (!client.waitFor(5, TimeUnit.SECONDS)) {
                client.destroyForcibly();
            }
        }
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * {@code npm install --no-save} of {@link #EVENTSOURCE} into target/npm-eventsource (once: a
     * later run finds it there) and the test client beside it, where Node resolves the import.
     */
    private static Path installEventSource(Path npm) throws Exception {
        Path dir = Path.of("target", "npm-eventsource").toAbsolutePath();
        Path installed = dir.resolve("node_modules/eventsource/package.json");
        if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"4.1.1\"")) {
            Files.createDirectories(dir);
            Path log = dir.resolve("npm-install.log");
            Process install = new ProcessBuilder(npm.toString(), "install", "--no-save", "--no-audit", "--no-fund",
                    "--prefix", dir.toString(), EVENTSOURCE)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!install.waitFor(3, TimeUnit.MINUTES)) {
                install.destroyForcibly();
                throw new AssertionError("npm install " + EVENTSOURCE + " did not finish in 3 minutes: " + Files.readString(log));
            }
            if (install.exitValue() != 0 || !Files.exists(installed)) {
                throw new AssertionError("npm install " + EVENTSOURCE + " failed (exit " + install.exitValue()
                        + "; the npm registry must be reachable): " + Files.readString(log));
            }
        }
        Path script = dir.resolve("cluster-eventsource.mjs");
        Files.copy(resource("cluster-eventsource.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
        return script;
    }

    // ---- churn ------------------------------------------------------------------------------------

    /**
     * One churn client: reads {@code channel} until it has {@code target} events; after a
     * random number of events it drops its connection itself, and whenever its stream ends
     * (its own drop, or a node's) it reconnects with its Last-Event-ID to a random other node,
     * directly or through nginx.
     */
    private static final class ChurnClient implements Runnable {
        private final String channel;
        private final int target;
        private final int meanPerConnection;
        private final Random random;
        private final EventReader first;
        final List<Received> received = new ArrayList<>();
        int ownDrops;
        int streamEnds;
        int hops;
        int resets;
        volatile boolean hasId;
        volatile String failure;

        ChurnClient(String channel, int target, int meanPerConnection, long seed, EventReader first) {
            this.channel = channel;
            this.target = target;
            this.meanPerConnection = meanPerConnection;
            this.random = new Random(seed);
            this.first = first;
        }

        static URI target(int where, String channel) {
            String path = FIXTURE + "events?channel=" + channel;
            return where < cluster.size() ? cluster.node(where).resolve(path) : viaNginx(path);
        }

        @Override
        public void run() {
            String lastId = null;
            int where = -1;
            EventReader reader = first;
            try {
                while (received.size() < target) {
                    if (reader == null) {
                        int next;
                        do {
                            next = random.nextInt(cluster.size() + 1);
                        } while (next == where && where < cluster.size());
                        where = next;
                        hops++;
                        // Without an id (a stream that ended before its first event) it can only start live.
                        reader = lastId == null ? EventReader.open(http, target(where, channel))
                                : EventReader.open(http, target(where, channel), "Last-Event-ID", lastId);
                    }
                    int budget = 1 + random.nextInt(2 * meanPerConnection);
                    for (;;) {
                        Optional<EventReader.Event> e = reader.nextOrEnd(Duration.ofSeconds(15));
                        if (e.isEmpty()) {
                            streamEnds++;
                            break;
                        }
                        if ("reset".equals(e.get().event())) {
                            resets++;
                            continue;
                        }
                        received.add(new Received(e.get().id(), e.get().data()));
                        lastId = e.get().id();
                        hasId = true;
                        if (received.size() >= target) {
                            break;
                        }
                        if (--budget == 0) {
                            // Drop it: whatever else is on its way over this connection is
                            // never read; the next connection resumes after lastId.
                            ownDrops++;
                            break;
                        }
                    }
                    reader.close();
                    reader = null;
                }
            } catch (Exception | AssertionError e) {
                failure = "after " + received.size() + " events and " + hops + " hops: " + e;
            } finally {
                if (reader != null) {
                    try {
                        reader.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        }
    }

    @Test
    void churnClientsDroppedAtRandomHoppingNodesLoseNothingAndGetNothingTwice() throws Exception {
        int events = Integer.getInteger("cluster.churn.events", 100_000);
        int clients = Integer.getInteger("cluster.churn.clients", 10);
        int meanPerConnection = 1_000;
        String channel = "churn-" + System.nanoTime();
        long started = System.nanoTime();

        List<ChurnClient> churn = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            EventReader first = EventReader.open(http, ChurnClient.target(c % (cluster.size() + 1), channel));
            churn.add(new ChurnClient(channel, events, meanPerConnection, 42L + c, first));
        }
        awaitStreams(channel, clients);

        ExecutorService pool = Executors.newFixedThreadPool(clients + cluster.size() + 1);
        try {
            List<Future<?>> readers = churn.stream().map(pool::submit).toList();
            // One publisher per node, each numbering its own events: "<node>-<n>".
            List<Future<List<Received>>> publishers = new ArrayList<>();
            for (int node = 0; node < cluster.size(); node++) {
                int n = node;
                int count = events / cluster.size() + (node < events % cluster.size() ? 1 : 0);
                publishers.add(pool.submit(() -> {
                    List<Received> mine = new ArrayList<>(count);
                    for (int k = 0; k < count; k++) {
                        String data = n + "-" + k;
                        mine.add(new Received(publish(n, channel, data), data));
                    }
                    return mine;
                }));
            }
            // Nodes drop all their streams of the channel now and then, too.
            AtomicBoolean publishing = new AtomicBoolean(true);
            AtomicInteger nodeDrops = new AtomicInteger();
            Future<?> dropper = pool.submit(() -> {
                // Not before every client holds an id: a client that never had one cannot resume.
                while (publishing.get() && !churn.stream().allMatch(c -> c.hasId || c.failure != null)) {
                    Thread.sleep(20);
                }
                Random random = new Random(7);
                while (publishing.get()) {
                    Thread.sleep(200 + random.nextInt(600));
                    nodeDrops.addAndGet((int) disconnect(random.nextInt(cluster.size()), channel));
                }
                return null;
            });
            Map<String, String> idOf = new LinkedHashMap<>();
            for (Future<List<Received>> p : publishers) {
                for (Received r : p.get(Math.max(10, events / 10_000), TimeUnit.MINUTES)) {
                    idOf.put(r.data(), r.id());
                }
            }
            long publishedAt = System.nanoTime();
            publishing.set(false);
            dropper.get(1, TimeUnit.MINUTES);
            for (Future<?> r : readers) {
                r.get(2, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(idOf).as("distinct events published").hasSize(events);
            List<Received> order = null;
            int hops = 0;
            int ownDrops = 0;
            int streamEnds = 0;
            for (int c = 0; c < clients; c++) {
                ChurnClient client = churn.get(c);
                hops += client.hops;
                ownDrops += client.ownDrops;
                streamEnds += client.streamEnds;
                String who = "churn client " + c + (client.failure == null ? "" : " (" + client.failure + ")");
                Set<String> distinct = new HashSet<>();
                for (Received r : client.received) {
                    assertThat(r.id()).as(who + ": id of " + r.data()).isEqualTo(idOf.get(r.data()));
                    distinct.add(r.data());
                }
                int duplicated = client.received.size() - distinct.size();
                int lost = events - distinct.size();
                assertThat(lost).as(who + ": events lost").isZero();
                assertThat(duplicated).as(who + ": events delivered twice").isZero();
                assertThat(client.resets).as(who + ": reset events").isZero();
                assertThat(client.failure).as(who + ": how it ended").isNull();
                if (order == null) {
                    order = client.received;
                    assertPublishersOrder(order);
                } else {
                    assertThat(client.received).as(who + ": the same order as client 0").isEqualTo(order);
                }
            }
            System.out.printf("cluster churn: %,d events published on 3 nodes in %.1f s, %d clients, %,d reconnects"
                    + " (%,d own drops, %,d streams ended by a node, %,d node-side closes), 0 lost, 0 duplicated,"
                    + " %.1f s in all%n", events, (publishedAt - started) / 1e9, clients, hops, ownDrops, streamEnds,
                    nodeDrops.get(), seconds);
            assertThat(hops).as("reconnects over all clients").isGreaterThanOrEqualTo(clients * 5);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Each publisher's events appear in the order it published them (its publishes were sequential). */
    private static void assertPublishersOrder(List<Received> order) {
        Map<String, Integer> nextOf = new LinkedHashMap<>();
        for (Received r : order) {
            String[] f = r.data().split("-");
            int expected = nextOf.getOrDefault(f[0], 0);
            assertThat(Integer.parseInt(f[1])).as("publisher " + f[0] + "'s events in its order").isEqualTo(expected);
            nextOf.put(f[0], expected + 1);
        }
    }
}
