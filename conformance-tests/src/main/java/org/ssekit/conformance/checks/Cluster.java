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
package org.ssekit.conformance.checks;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ssekit.conformance.client.Capabilities;
import org.ssekit.conformance.client.FixtureClient;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.HttpRequest;
import org.ssekit.conformance.client.MessageEvent;

/**
 * RES-06 and RES-07 (PROFILE cluster): the target and the peers it declares are nodes of one
 * cluster; events published on any node reach every node in one order, and an id read on one
 * node resumes on any other.
 *
 * <p>A declared cluster that cannot be exercised (no peers, a peer that is not an http URL,
 * does not answer, has no fixture or does not declare {@code cluster} itself) is a violation,
 * not UNIMPLEMENTED: the server claimed the profile.
 */
final class Cluster extends AreaCheck {
    /** Subscribers opened on each node for RES-06. */
    private static final int STREAMS_PER_NODE = 2;
    /** Events each node publishes concurrently with the others in RES-06. */
    private static final int CONCURRENT_PER_NODE = 8;
    /** Events the background publisher sends around each reconnection in RES-07. */
    private static final int BACKGROUND_PER_HOP = 5;

    /** One node: the target itself or a declared peer. */
    private record Node(String name, URI base, FixtureClient client) {
        URI events(String channel) {
            return client.events(List.of(channel));
        }
    }

    Cluster() {
        define("RES-06", this::oneOrderEverywhere);
        define("RES-07", this::resumeOnAnyNode);
    }

    /**
     * The target and its declared peers, each checked: every peer must be an absolute http URL
     * other than the target's own and answer {@code GET peer/capabilities} with profile
     * {@code cluster}.
     *
     * @return the nodes, target first, or the problems that keep the case from running
     */
    private static Nodes nodes(Probe probe) {
        List<String> declared = probe.target().capabilities().map(Capabilities::peers).orElse(List.of());
        List<String> problems = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("n1", probe.target().base(), probe.fixture()));
        probe.note("n1 = target " + probe.target().base());
        if (declared.isEmpty()) {
            problems.add("the capabilities declare profile cluster but no peers (\"peers\": [\"http://node2/B\", ...])");
        }
        for (String text : declared) {
            Optional<URI> uri = peerUri(text);
            if (uri.isEmpty()) {
                problems.add("peer '" + text + "' is not an absolute http URL with a host and no query");
                continue;
            }
            if (sameBase(uri.get(), probe.target().base())) {
                problems.add("peer " + text + " is the target itself, not another node");
                continue;
            }
            String name = "n" + (nodes.size() + 1);
            FixtureClient client = new FixtureClient(uri.get());
            Optional<Capabilities> capabilities;
            try {
                capabilities = client.capabilities(probe.log());
            } catch (IOException e) {
                problems.add("peer " + text + " is unreachable: " + HttpExchange.describe(e));
                continue;
            }
            if (capabilities.isEmpty()) {
                problems.add("peer " + text + " answers no conformance fixture at " + text + "/capabilities");
            } else if (!capabilities.get().declares("cluster")) {
                problems.add("peer " + text + " does not declare profile cluster itself");
            } else {
                probe.note(name + " = peer " + uri.get());
                nodes.add(new Node(name, uri.get(), client));
            }
        }
        return new Nodes(List.copyOf(nodes), List.copyOf(problems));
    }

    private record Nodes(List<Node> nodes, List<String> problems) {
    }

    private static Optional<URI> peerUri(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && uri.getHost() != null && scheme.equals("http") && uri.getRawQuery() == null
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean sameBase(URI a, URI b) {
        return strip(a.toString()).equalsIgnoreCase(strip(b.toString()));
    }

    private static String strip(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static final String PEERS_EXPECTED = "every declared peer answers GET <peer>/capabilities with profile cluster";

    // ---------------------------------------------------------------- RES-06

    private Outcome oneOrderEverywhere(Probe probe) throws IOException, InterruptedException {
        Nodes found = nodes(probe);
        if (!found.problems().isEmpty()) {
            return probe.violation(PEERS_EXPECTED, String.join("\n", found.problems()));
        }
        List<Node> nodes = found.nodes();
        String channel = probe.channel();
        Map<String, HttpExchange> streams = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Node node : nodes) {
            for (int s = 1; s <= STREAMS_PER_NODE; s++) {
                HttpExchange exchange = probe.open(HttpRequest.eventStream(node.events(channel)));
                String name = node.name() + " stream " + s;
                if (exchange.head().status() != 200) {
                    problems.add(name + ": " + exchange.head().status() + " instead of 200");
                }
                streams.put(name, exchange);
            }
        }
        if (!problems.isEmpty()) {
            return probe.violation("every node answers its event stream with 200", String.join("\n", problems));
        }
        // One after the other, alternating nodes: each publish is answered before the next is sent.
        List<String> sequential = new ArrayList<>();
        int rounds = Math.max(6, 3 * nodes.size());
        for (int i = 0; i < rounds; i++) {
            String data = "o-" + i;
            nodes.get(i % nodes.size()).client().publishData(channel, data, probe.log());
            sequential.add(data);
        }
        Map<String, List<String>> concurrent = publishConcurrently(probe, nodes, channel);
        int total = sequential.size() + concurrent.values().stream().mapToInt(List::size).sum();
        long deadline = System.nanoTime() + Probe.EVENT_TIMEOUT.toNanos();
        for (HttpExchange exchange : streams.values()) {
            exchange.await(e -> relevant(e).size() >= total, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        streams.values().iterator().next().awaitQuiet(Probe.QUIET, Duration.ofSeconds(2));

        Map.Entry<String, HttpExchange> first = streams.entrySet().iterator().next();
        List<String> reference = relevant(first.getValue());
        for (Map.Entry<String, HttpExchange> stream : streams.entrySet()) {
            String name = stream.getKey();
            List<String> received = relevant(stream.getValue());
            List<String> own = new ArrayList<>();
            Resume.sequenceProblems(sequential, only(received, "o-")).forEach(p -> own.add("sequential publishes: " + p));
            for (Map.Entry<String, List<String>> publisher : concurrent.entrySet()) {
                Resume.sequenceProblems(publisher.getValue(), only(received, publisher.getKey()))
                        .forEach(p -> own.add("concurrent publishes on " + publisher.getKey() + ": " + p));
            }
            int lastSequential = received.lastIndexOf(sequential.get(sequential.size() - 1));
            int firstConcurrent = indexOfFirst(received, "c-");
            if (lastSequential >= 0 && firstConcurrent >= 0 && firstConcurrent < lastSequential) {
                own.add("an event published after the sequential ones were answered arrives before them");
            }
            if (own.isEmpty() && stream != first && !received.equals(reference)) {
                own.add("order differs from " + first.getKey() + ": " + firstDifference(reference, received));
            }
            own.forEach(p -> problems.add(name + ": " + p));
        }
        return probe.judge("with " + STREAMS_PER_NODE + " streams on each of " + nodes.size() + " nodes: "
                        + sequential.size() + " events published one after the other on alternating nodes, then "
                        + CONCURRENT_PER_NODE + " from each node concurrently; every stream receives every event once, "
                        + "each publisher's events in publish order, and all streams in one and the same order",
                problems, total + " events on " + streams.size() + " streams of " + nodes.size()
                        + " nodes, each once, in one order");
    }

    /** Every node publishes its own events at the same moment; returns each node's events in publish order. */
    private static Map<String, List<String>> publishConcurrently(Probe probe, List<Node> nodes, String channel)
            throws IOException, InterruptedException {
        Map<String, List<String>> published = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size(), daemon("cluster-publisher"));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (Node node : nodes) {
                String prefix = "c-" + node.name() + "-";
                List<String> data = new ArrayList<>();
                for (int j = 0; j < CONCURRENT_PER_NODE; j++) {
                    data.add(prefix + j);
                }
                published.put(prefix, data);
                runs.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                        for (String item : data) {
                            node.client().publishData(channel, item, probe.log());
                        }
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    }
                }, pool));
            }
            start.countDown();
            join(CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)));
        } finally {
            pool.shutdownNow();
        }
        return published;
    }

    private static List<String> relevant(HttpExchange exchange) {
        return exchange.eventData().stream().filter(d -> d.startsWith("o-") || d.startsWith("c-")).toList();
    }

    private static List<String> only(List<String> received, String prefix) {
        return received.stream().filter(d -> d.startsWith(prefix)).toList();
    }

    private static int indexOfFirst(List<String> received, String prefix) {
        for (int i = 0; i < received.size(); i++) {
            if (received.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static String firstDifference(List<String> reference, List<String> received) {
        int i = 0;
        while (i < reference.size() && i < received.size() && reference.get(i).equals(received.get(i))) {
            i++;
        }
        int from = Math.max(0, i - 2);
        return "at position " + i + ": " + received.subList(from, Math.min(received.size(), i + 4)) + " instead of "
                + reference.subList(from, Math.min(reference.size(), i + 4));
    }

    // ---------------------------------------------------------------- RES-07

    /**
     * A client hops over the nodes: it reads on one node, disconnects, and reconnects with its
     * Last-Event-ID on the next one, while a background thread publishes on rotating nodes
     * around every reconnection. Before each disconnect it reads an event published on the
     * node it is leaving (so the id it carries was issued there, never by the next node), and
     * one more event is published while it is away (so every reconnection has something to
     * replay). What all its connections received together must be exactly what was published.
     */
    private Outcome resumeOnAnyNode(Probe probe) throws IOException, InterruptedException {
        Nodes found = nodes(probe);
        if (!found.problems().isEmpty()) {
            return probe.violation(PEERS_EXPECTED, String.join("\n", found.problems()));
        }
        List<Node> nodes = found.nodes();
        String channel = probe.channel();
        Optional<String> resetEvent = probe.target().capabilities().flatMap(Capabilities::resetEvent);
        int hops = Math.max(6, 2 * nodes.size());
        List<String> background = new ArrayList<>();
        List<String> foreground = new ArrayList<>();
        List<String> union = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(daemon("cluster-background"));
        try {
            HttpExchange stream = probe.open(HttpRequest.eventStream(nodes.get(0).events(channel)));
            CompletableFuture<Void> batch = publishBatch(probe, pool, nodes, channel, background, 0);
            String lastId = "";
            for (int hop = 0; hop < hops; hop++) {
                Node node = nodes.get(hop % nodes.size());
                if (stream.head().status() != 200) {
                    problems.add("hop " + hop + " on " + node.name() + " with Last-Event-ID '" + lastId + "': "
                            + stream.head().status() + " instead of 200");
                    break;
                }
                join(batch);
                String leaving = "g-" + hop + "-a";
                node.client().publishData(channel, leaving, probe.log());
                foreground.add(leaving);
                boolean arrived = stream.awaitData(leaving, Probe.EVENT_TIMEOUT);
                if (hop == hops - 1) {
                    stream.awaitQuiet(Probe.QUIET, Duration.ofSeconds(2));
                    union.addAll(received(stream, hop, node, lastId, resetEvent, problems));
                    if (!arrived) {
                        problems.add("hop " + hop + " on " + node.name() + ": " + leaving + " published there never "
                                + "arrived within " + Probe.EVENT_TIMEOUT.toSeconds() + " s");
                    }
                    break;
                }
                stream.close();
                stream.awaitEnd(Duration.ofSeconds(1));
                List<MessageEvent> events = stream.events().stream().map(HttpExchange.TimedEvent::event).toList();
                union.addAll(received(stream, hop, node, lastId, resetEvent, problems));
                if (!events.isEmpty()) {
                    lastId = events.get(events.size() - 1).lastEventId();
                }
                Node next = nodes.get((hop + 1) % nodes.size());
                String away = "g-" + hop + "-b";
                nodes.get((hop + 2) % nodes.size()).client().publishData(channel, away, probe.log());
                foreground.add(away);
                batch = publishBatch(probe, pool, nodes, channel, background, hop + 1);
                probe.note("hop " + (hop + 1) + ": to " + next.name() + " with Last-Event-ID '" + lastId
                        + "' (read on " + node.name() + ")");
                HttpRequest request = HttpRequest.eventStream(next.events(channel));
                stream = probe.open(lastId.isEmpty() ? request : request.header("Last-Event-ID", lastId));
            }
            join(batch);
        } finally {
            pool.shutdownNow();
        }
        Resume.sequenceProblems(foreground, only(union, "g-")).forEach(p -> problems.add("events published beside the hops: " + p));
        Resume.sequenceProblems(background, only(union, "p-"))
                .forEach(p -> problems.add("events published by the background thread: " + p));
        return probe.judge("a client that reconnects " + (hops - 1) + " times, each time with its Last-Event-ID on "
                        + "another of " + nodes.size() + " nodes, while events are published on rotating nodes, "
                        + "receives over all its connections exactly the published events: no gap, no duplicate",
                problems, (foreground.size() + background.size()) + " events over " + hops + " connections on "
                        + nodes.size() + " nodes, no gap, no duplicate");
    }

    /** The data this connection received, noting a reset event or an event outside the case. */
    private static List<String> received(HttpExchange stream, int hop, Node node, String lastId,
                                         Optional<String> resetEvent, List<String> problems) {
        List<String> data = new ArrayList<>();
        for (HttpExchange.TimedEvent timed : stream.events()) {
            MessageEvent event = timed.event();
            if (!event.type().equals("message")) {
                boolean reset = resetEvent.isPresent() && event.type().equals(resetEvent.get());
                problems.add("hop " + hop + " on " + node.name() + " answered Last-Event-ID '" + lastId
                        + "' (read on another node) with " + (reset ? "the reset event" : "an event") + " '"
                        + event.type() + "'");
                continue;
            }
            if (event.data().startsWith("g-") || event.data().startsWith("p-")) {
                data.add(event.data());
            }
        }
        return data;
    }

    /** Publishes the next background events on rotating nodes, asynchronously. */
    private static CompletableFuture<Void> publishBatch(Probe probe, ExecutorService pool, List<Node> nodes,
                                                        String channel, List<String> published, int batch) {
        List<String> data = new ArrayList<>();
        for (int i = 0; i < BACKGROUND_PER_HOP; i++) {
            data.add("p-" + (batch * BACKGROUND_PER_HOP + i));
        }
        published.addAll(data);
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < data.size(); i++) {
                try {
                    nodes.get((batch + i) % nodes.size()).client().publishData(channel, data.get(i), probe.log());
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }
        }, pool);
    }

    private static void join(CompletableFuture<?> future) throws IOException {
        try {
            future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
