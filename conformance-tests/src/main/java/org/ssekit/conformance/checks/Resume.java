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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.ssekit.conformance.client.Capabilities;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.HttpRequest;
import org.ssekit.conformance.client.MessageEvent;
import org.ssekit.conformance.client.WireLog;

/** RES: ids, Last-Event-ID and replay (PROFILE resume). */
final class Resume extends AreaCheck {
    private static final String DEFAULT_PARAM = "lastEventId";

    Resume() {
        define("RES-01", this::uniqueIds);
        define("RES-02", this::exactReplay);
        define("RES-03", this::unknownIdRule);
        define("RES-04", this::queryFallback);
        define("RES-05", this::emptyIdIsAbsent);
    }

    private static List<String> publishAll(Probe probe, String channel, String prefix, int from, int to)
            throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(probe.publish(channel, prefix + i));
        }
        return ids;
    }

    private static List<String> names(String prefix, int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < to; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** Missing, duplicated and out-of-order items of {@code received} against {@code expected}. */
    static List<String> sequenceProblems(List<String> expected, List<String> received) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String item : received) {
            if (!seen.add(item)) {
                problems.add("duplicate: " + item);
            }
        }
        List<String> missing = expected.stream().filter(item -> !seen.contains(item)).toList();
        if (!missing.isEmpty()) {
            problems.add("gap, missing: " + missing);
        }
        List<String> unexpected = received.stream().filter(item -> !expected.contains(item)).distinct().toList();
        if (!unexpected.isEmpty()) {
            problems.add("not expected: " + unexpected);
        }
        if (problems.isEmpty() && !received.equals(expected)) {
            problems.add("out of order: " + received);
        }
        return problems;
    }

    private Outcome uniqueIds(Probe probe) throws IOException {
        String channel = probe.channel();
        HttpExchange exchange = probe.stream(channel);
        List<String> assigned = publishAll(probe, channel, "id-", 0, 5);
        exchange.awaitData("id-4", Probe.EVENT_TIMEOUT);
        List<String> onWire = exchange.events().stream().map(e -> e.event().lastEventId()).toList();
        List<String> problems = new ArrayList<>();
        if (new HashSet<>(assigned).size() != assigned.size()) {
            problems.add("ids repeat: " + assigned);
        }
        if (!onWire.equals(assigned)) {
            problems.add("ids on the wire " + escaped(onWire) + " differ from the ids assigned " + escaped(assigned));
        }
        assigned.stream().filter(id -> id.isEmpty() || id.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0))
                .forEach(id -> problems.add("id empty or with CR, LF or NUL: " + WireLog.escape(id)));
        boolean compact = assigned.stream().allMatch(id -> id.length() <= 64 && id.matches("[A-Za-z0-9._~:-]*"));
        return probe.judge("5 events get unique ids without CR/LF/NUL, sent on the wire in publish order", problems,
                "ids " + escaped(assigned) + (compact ? "" : " (long or with characters that need escaping)"));
    }

    private static List<String> escaped(List<String> values) {
        return values.stream().map(WireLog::escape).toList();
    }

    private Outcome exactReplay(Probe probe) throws IOException {
        long capacity = probe.target().capabilities().map(Capabilities::replayCapacity).orElse(0L);
        int total = capacity > 0 ? (int) Math.min(30, capacity) : 30;
        List<String> problems = new ArrayList<>();
        handOff(probe, total).forEach(p -> problems.add("one channel: " + p));
        if (probe.target().declares("channels")) {
            twoChannels(probe).forEach(p -> problems.add("two channels: " + p));
        }
        return probe.judge("after Last-Event-ID k: exactly the events after k, in order, then live ones, "
                        + "also while events are published during the reconnection"
                        + (probe.target().declares("channels") ? " and on two channels" : ""),
                problems, "no gap, no duplicate, in order");
    }

    private List<String> handOff(Probe probe, int total) throws IOException {
        String channel = probe.channel();
        int before = total / 3;
        List<String> ids = publishAll(probe, channel, "s-", 0, before);
        int resumeAfter = before / 2;
        CompletableFuture<List<String>> live = CompletableFuture.supplyAsync(() -> {
            try {
                return publishAll(probe, channel, "s-", before, total);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
        HttpExchange exchange = probe.open(probe.streamRequest(channel).header("Last-Event-ID", ids.get(resumeAfter)));
        try {
            live.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        exchange.awaitData("s-" + (total - 1), Probe.EVENT_TIMEOUT);
        List<String> received = exchange.eventData().stream().filter(d -> d.startsWith("s-")).toList();
        return sequenceProblems(names("s-", resumeAfter + 1, total), received);
    }

    private List<String> twoChannels(Probe probe) throws IOException {
        String x = probe.channel();
        String y = probe.channel();
        List<String> published = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (String channel : List.of(x, y)) {
                String data = (channel.equals(x) ? "x-" : "y-") + i;
                ids.add(probe.publish(channel, data));
                published.add(data);
            }
        }
        HttpExchange exchange = probe.open(HttpRequest.eventStream(probe.streamUri(List.of(x, y), Map.of()))
                .header("Last-Event-ID", ids.get(2)));
        probe.publish(x, "x-live");
        probe.publish(y, "y-live");
        exchange.await(e -> e.eventData().containsAll(List.of("x-live", "y-live")), Probe.EVENT_TIMEOUT);
        List<String> expected = new ArrayList<>(published.subList(3, published.size()));
        expected.addAll(List.of("x-live", "y-live"));
        List<String> received = exchange.eventData().stream().filter(d -> d.startsWith("x-") || d.startsWith("y-"))
                .toList();
        List<String> problems = new ArrayList<>();
        for (String prefix : List.of("x-", "y-")) {
            problems.addAll(sequenceProblems(expected.stream().filter(d -> d.startsWith(prefix)).toList(),
                    received.stream().filter(d -> d.startsWith(prefix)).toList()));
        }
        return problems;
    }

    private Outcome unknownIdRule(Probe probe) throws IOException {
        String channel = probe.channel();
        publishAll(probe, channel, "u-", 0, 3);
        Optional<String> resetEvent = probe.target().capabilities().flatMap(Capabilities::resetEvent);
        String expected = "204, or the declared reset event " + resetEvent.orElse("(none declared)")
                + ", for Last-Event-ID: no-such-id";
        try (HttpExchange exchange = probe.open(probe.streamRequest(channel)
                .header("Last-Event-ID", "no-such-id-" + channel))) {
            if (exchange.head().status() == 204) {
                return probe.ok(expected, "204");
            }
            if (resetEvent.isEmpty()) {
                return probe.violation(expected, exchange.head().status() + " and no documented rule");
            }
            boolean reset = exchange.await(e -> e.events().stream()
                    .anyMatch(t -> t.event().type().equals(resetEvent.get())), Duration.ofSeconds(3));
            List<String> types = exchange.events().stream().map(t -> t.event().type()).toList();
            return reset ? probe.ok(expected, "received event " + resetEvent.get())
                    : probe.violation(expected, "no " + resetEvent.get() + " event within 3 s; events: " + types);
        }
    }

    private Outcome queryFallback(Probe probe) throws IOException {
        String param = probe.target().capabilities().flatMap(Capabilities::lastEventIdParam).orElse(DEFAULT_PARAM);
        String channel = probe.channel();
        List<String> ids = publishAll(probe, channel, "q-", 0, 5);
        List<String> problems = new ArrayList<>();
        HttpExchange byQuery = probe.open(HttpRequest.eventStream(
                probe.streamUri(List.of(channel), Map.of(param, ids.get(1)))));
        byQuery.awaitData("q-4", Probe.EVENT_TIMEOUT);
        sequenceProblems(names("q-", 2, 5), byQuery.eventData()).forEach(p -> problems.add("?" + param + "=: " + p));
        HttpExchange both = probe.open(HttpRequest.eventStream(
                probe.streamUri(List.of(channel), Map.of(param, ids.get(0)))).header("Last-Event-ID", ids.get(2)));
        both.awaitData("q-4", Probe.EVENT_TIMEOUT);
        sequenceProblems(names("q-", 3, 5), both.eventData()).forEach(p -> problems.add("header and query: " + p));
        return probe.judge("?" + param + "=k resumes after k; with both, the header wins", problems,
                "query fallback works and the header wins");
    }

    private Outcome emptyIdIsAbsent(Probe probe) throws IOException {
        String channel = probe.channel();
        publishAll(probe, channel, "old-", 0, 3);
        HttpExchange exchange = probe.open(probe.streamRequest(channel).header("Last-Event-ID", ""));
        String expected = "200 and only live events, as with no Last-Event-ID";
        if (exchange.head().status() != 200) {
            return probe.violation(expected, String.valueOf(exchange.head().status()));
        }
        probe.publish(channel, "live");
        exchange.awaitData("live", Probe.EVENT_TIMEOUT);
        List<MessageEvent> events = exchange.events().stream().map(HttpExchange.TimedEvent::event).toList();
        List<String> data = events.stream().map(MessageEvent::data).toList();
        boolean onlyLive = data.equals(List.of("live"));
        return onlyLive ? probe.ok(expected, "received only the live event")
                : probe.violation(expected, "received " + escaped(data) + " of types "
                + events.stream().map(MessageEvent::type).toList());
    }
}
