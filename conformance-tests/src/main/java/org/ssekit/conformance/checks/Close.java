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
import java.util.Map;
import org.ssekit.conformance.client.HttpExchange;

/** CLS: terminating, closing, and cleaning up after clients. */
final class Close extends AreaCheck {
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long a stalled client's drained stream may take to end once it reads again. */
    private static final Duration DRAIN_BOUND = Duration.ofSeconds(5);

    Close() {
        define("CLS-01", this::terminatedAnswers204);
        define("CLS-02", this::closeOnEventBoundary);
        define("CLS-03", this::resourcesReleased);
        define("CLS-04", this::slowConsumerDisconnected);
    }

    /** How long a server may take to notice a vanished client: two heartbeats and some slack. */
    static Duration cleanupBound(Probe probe) {
        Duration bound = probe.target().heartbeat().multipliedBy(2).plusSeconds(3);
        return bound.compareTo(Duration.ofSeconds(35)) > 0 ? Duration.ofSeconds(35) : bound;
    }

    /**
     * Polls the open-stream count of {@code channel} ({@link Probe#streamCount}) until it is at
     * most {@code count}; returns the last count.
     */
    static long awaitStreamsAtMost(Probe probe, String channel, long count, Duration bound)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        long now = probe.streamCount(channel);
        while (now > count && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            now = probe.streamCount(channel);
        }
        return now;
    }

    /** Polls the open-stream count of {@code channel} until it is at least {@code count} (3 s at most). */
    static long awaitStreamsAtLeast(Probe probe, String channel, long count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long now = probe.streamCount(channel);
        while (now < count && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            now = probe.streamCount(channel);
        }
        return now;
    }

    /** "per channel" or "all channels": which count a verdict rests on, for the report. */
    static String countKind(Probe probe, String channel) throws IOException {
        return probe.countsPerChannel(channel) ? "streams of the case's own channel"
                : "streams of all channels (the fixture has no per-channel stats)";
    }

    private Outcome terminatedAnswers204(Probe probe) throws IOException {
        String channel = probe.channel();
        int status = probe.fixture().terminate(channel, probe.log());
        String expected = "204 with no body after POST terminate";
        try (HttpExchange exchange = probe.stream(channel)) {
            exchange.awaitEnd(Duration.ofSeconds(2));
            int code = exchange.head().status();
            int length = exchange.body().length;
            String actual = "terminate answered " + status + "; the stream answered " + code + " with " + length
                    + " body bytes";
            return code == 204 && length == 0 ? probe.ok(expected, actual) : probe.violation(expected, actual);
        }
    }

    private Outcome closeOnEventBoundary(Probe probe) throws IOException {
        String channel = probe.channel();
        HttpExchange exchange = probe.stream(channel);
        probe.publish(channel, "before-close");
        exchange.awaitData("before-close", Probe.EVENT_TIMEOUT);
        long closed = probe.fixture().disconnect(channel, probe.log());
        boolean ended = exchange.awaitEnd(Probe.EVENT_TIMEOUT);
        String expected = "the last event delivered whole, then the stream ends";
        String actual = "disconnect closed " + closed + "; stream ended: " + ended + " (" + exchange.endReason() + ")";
        if (!ended || exchange.eventData().isEmpty()) {
            return probe.violation(expected, actual);
        }
        if (exchange.hasPendingEvent() || exchange.endReason().contains("middle")) {
            return probe.violation(expected, actual + "; it ended inside an event");
        }
        return probe.ok(expected, actual);
    }

    private Outcome resourcesReleased(Probe probe) throws IOException, InterruptedException {
        String channel = probe.channel();
        String kind = countKind(probe, channel);
        long before = probe.streamCount(channel);
        HttpExchange exchange = probe.stream(channel);
        long open = awaitStreamsAtLeast(probe, channel, before + 1);
        exchange.abort();
        Duration bound = cleanupBound(probe);
        long after = awaitStreamsAtMost(probe, channel, before, bound);
        String expected = "open " + kind + " back to " + before + " within " + bound.toMillis()
                + " ms of a client reset";
        String actual = "open streams " + before + " -> " + open + " -> " + after;
        if (open <= before) {
            return probe.unimplemented(expected, actual + " (stats did not count the stream)");
        }
        return after <= before ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }

    /**
     * Decided from the stalled client's own connection: after publishing, the client reads what
     * its socket holds; a server that cut it lets that end (EOF or reset) at once, one that kept
     * queueing keeps the stream open. The stream count only ends the publishing early.
     */
    private Outcome slowConsumerDisconnected(Probe probe) throws IOException, InterruptedException {
        String channel = probe.channel();
        long before = probe.streamCount(channel);
        HttpExchange stalled = probe.openStalled(probe.streamRequest(channel));
        awaitStreamsAtLeast(probe, channel, before + 1);
        String payload = "s".repeat(64 * 1024);
        String expected = "the stalled client is disconnected before 16 MiB are published to it";
        int published = 0;
        boolean countDropped = false;
        for (int i = 1; i <= 256 && !countDropped; i++) {
            probe.fixture().publish(channel, Map.of("data", payload), probe.log());
            published = i;
            countDropped = i % 16 == 0 && probe.streamCount(channel) <= before;
        }
        stalled.startReading();
        boolean ended = stalled.awaitEnd(DRAIN_BOUND);
        long after = probe.streamCount(channel);
        String actual = "published " + published * 64 + " KiB; the client then read " + stalled.body().length
                + " bytes and its stream " + (ended ? "ended (" + stalled.endReason() + ")" : "was still open after "
                + DRAIN_BOUND.toSeconds() + " s") + "; open streams of the channel " + after;
        stalled.close();
        return ended ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }
}
