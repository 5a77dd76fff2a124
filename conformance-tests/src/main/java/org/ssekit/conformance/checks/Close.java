package org.ssekit.conformance.checks;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.ssekit.conformance.client.HttpExchange;

/** CLS: terminating, closing, and cleaning up after clients. */
final class Close extends AreaCheck {
    private static final Duration POLL = Duration.ofMillis(100);

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

    /** Polls the fixture's stats until at most {@code count} streams are open; returns the last count. */
    static long awaitConnectionsAtMost(Probe probe, long count, Duration bound) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        long now = probe.connectionCount();
        while (now > count && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            now = probe.connectionCount();
        }
        return now;
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
        long before = probe.connectionCount();
        HttpExchange exchange = probe.stream(probe.channel());
        long open = awaitConnectionsAtLeast(probe, before + 1);
        exchange.abort();
        Duration bound = cleanupBound(probe);
        long after = awaitConnectionsAtMost(probe, before, bound);
        String expected = "open streams back to " + before + " within " + bound.toMillis() + " ms of a client reset";
        String actual = "open streams " + before + " -> " + open + " -> " + after;
        if (open <= before) {
            return probe.unimplemented(expected, actual + " (stats did not count the stream)");
        }
        return after <= before ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }

    private static long awaitConnectionsAtLeast(Probe probe, long count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long now = probe.connectionCount();
        while (now < count && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            now = probe.connectionCount();
        }
        return now;
    }

    private Outcome slowConsumerDisconnected(Probe probe) throws IOException, InterruptedException {
        String channel = probe.channel();
        long before = probe.connectionCount();
        HttpExchange stalled = probe.openStalled(probe.streamRequest(channel));
        awaitConnectionsAtLeast(probe, before + 1);
        String payload = "s".repeat(64 * 1024);
        String expected = "the stalled client is disconnected before 16 MiB are published to it";
        for (int i = 1; i <= 256; i++) {
            probe.fixture().publish(channel, Map.of("data", payload), probe.log());
            if (i % 16 == 0 && probe.connectionCount() <= before) {
                return probe.ok(expected, "disconnected after " + i * 64 + " KiB");
            }
        }
        long after = awaitConnectionsAtMost(probe, before, Duration.ofSeconds(2));
        stalled.close();
        return after <= before ? probe.ok(expected, "disconnected after 16 MiB")
                : probe.violation(expected, "still connected after 16 MiB (open streams " + after + ")");
    }
}
