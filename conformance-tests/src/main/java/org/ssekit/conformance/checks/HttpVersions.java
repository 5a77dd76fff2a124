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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongPredicate;
import javax.net.ssl.SSLSocket;
import org.ssekit.conformance.client.H2Session;
import org.ssekit.conformance.client.H2Stream;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.ResponseHead;
import org.ssekit.conformance.client.Tls;

/** H: HTTP/1.1 framing, HTTP/2 (h2c with prior knowledge on http, h2 with ALPN on https) and its flow control. */
final class HttpVersions extends AreaCheck {
    private static final List<String> CONNECTION_SPECIFIC = List.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade");
    private static final List<Map.Entry<String, String>> STREAM_HEADERS = List.of(
            Map.entry("accept", "text/event-stream"), Map.entry("cache-control", "no-cache"));

    private static final Duration STALL_BOUND = Duration.ofSeconds(5);
    /** H-04: how many events the publisher may run ahead of the slowest reader. */
    private static final int READER_LAG = 4;
    private static final int STALLED_WINDOW = 16 * 1024;

    HttpVersions() {
        define("H-01", this::http11Framing);
        define("H-02", this::noConnectionHeadersOnH2);
        define("H-03", this::manyStreamsOnH2);
        define("H-04", this::stalledStreamIsolatedOnH2);
        define("H-05", this::alpnOffersH2);
    }

    private Outcome http11Framing(Probe probe) throws IOException {
        HttpExchange exchange = probe.stream(probe.channel());
        ResponseHead head = exchange.head();
        String expected = "HTTP/1.1 with Transfer-Encoding: chunked, or no Content-Length (close-delimited)";
        boolean chunked = head.all("Transfer-Encoding").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"));
        String actual = head.version() + (chunked ? " chunked" : head.first("Content-Length")
                .map(l -> " Content-Length: " + l).orElse(" close-delimited"));
        return chunked || !head.has("Content-Length") ? probe.ok(expected, actual) : probe.violation(expected, actual);
    }

    private Outcome noConnectionHeadersOnH2(Probe probe) throws IOException {
        String expected = "no " + CONNECTION_SPECIFIC + " in an HTTP/2 response";
        try (H2Session session = connect(probe)) {
            if (session == null) {
                return probe.unimplemented(expected, noH2(probe));
            }
            H2Stream stream;
            try {
                stream = session.get(probe.target().streamUri(probe.channel()), STREAM_HEADERS, "h2s1",
                        Probe.HEAD_TIMEOUT);
            } catch (IOException malformed) {
                return probe.violation(expected, "the response is not valid HTTP/2, a conformant client rejects it: "
                        + malformed.getMessage());
            }
            List<String> found = stream.head().fields().stream().map(Map.Entry::getKey)
                    .filter(name -> CONNECTION_SPECIFIC.contains(name.toLowerCase(Locale.ROOT))).toList();
            String actual = stream.head().describe().replace('\n', ' ');
            return found.isEmpty() ? probe.ok(expected, actual)
                    : probe.violation(expected, "connection-specific fields " + found + " in " + actual);
        }
    }

    private Outcome manyStreamsOnH2(Probe probe) throws IOException {
        String expected = "3 streams on one HTTP/2 connection, each receiving its own events";
        try (H2Session session = connect(probe)) {
            if (session == null) {
                return probe.unimplemented(expected, noH2(probe));
            }
            List<String> channels = List.of(probe.channel(), probe.channel(), probe.channel());
            List<H2Stream> streams = new ArrayList<>();
            for (int i = 0; i < channels.size(); i++) {
                streams.add(session.get(probe.target().streamUri(channels.get(i)), STREAM_HEADERS, "h2s" + (i + 1),
                        Probe.HEAD_TIMEOUT));
            }
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < streams.size(); i++) {
                if (streams.get(i).head().status() != 200) {
                    problems.add("stream " + (i + 1) + " answered " + streams.get(i).head().status());
                }
            }
            if (problems.isEmpty() && probe.target().hasFixture()) {
                for (int i = 0; i < channels.size(); i++) {
                    probe.publish(channels.get(i), "h2-" + i);
                }
                for (int i = 0; i < streams.size(); i++) {
                    if (!streams.get(i).awaitData("h2-" + i, Probe.EVENT_TIMEOUT)) {
                        problems.add("stream " + (i + 1) + " did not receive h2-" + i + ": " + streams.get(i).eventData());
                    }
                }
            }
            return probe.judge(expected, problems, "3 concurrent streams answered"
                    + (probe.target().hasFixture() ? " and each received its own event" : ""));
        }
    }

    private Outcome stalledStreamIsolatedOnH2(Probe probe) throws IOException, InterruptedException {
        String expected = "on one HTTP/2 connection, a stream that is not read (no WINDOW_UPDATE, 16 KiB window) does not"
                + " hold up 3 other streams of that connection (each gets every 64 KiB event, published at most "
                + READER_LAG + " ahead of the slowest reader, within "
                + STALL_BOUND.toMillis() + " ms of the last publish); the slow-consumer rule cuts that stream before "
                + "16 MiB, and the connection stays open";
        try (H2Session session = connect(probe, STALLED_WINDOW)) {
            if (session == null) {
                return probe.unimplemented(expected, noH2(probe));
            }
            String channel = probe.channel();
            URI events = probe.target().streamUri(channel);
            H2Stream stalled = session.get(events, STREAM_HEADERS, "h2-stalled", Probe.HEAD_TIMEOUT, true);
            List<H2Stream> readers = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                readers.add(session.get(events, STREAM_HEADERS, "h2-reader" + i, Probe.HEAD_TIMEOUT));
            }
            // This channel's streams only: earlier cases' streams may still be closing.
            long open = awaitChannelStreams(probe, channel, count -> count >= 4, Duration.ofSeconds(3));
            if (open != 4) {
                return probe.unimplemented(expected, "the fixture's stats?channel= counted " + open
                        + " open streams of the case's channel, not 4");
            }
            String payload = "w".repeat(64 * 1024);
            int published = 0;
            long cutAfter = -1;
            // Paced to the readers (at most READER_LAG events ahead of the slowest), so what is
            // measured is isolation, not whether a client on a busy machine keeps up with a
            // publisher that never waits: a reader that the stalled stream holds up cannot catch up.
            // Once a reader did not catch up within the bound, publishing goes on unpaced (the
            // readers' final check below says what they missed).
            boolean paced = true;
            for (int i = 1; i <= 256 && cutAfter < 0; i++) {
                probe.fixture().publish(channel, Map.of("data", i + ":" + payload), probe.log());
                published = i;
                for (int r = 0; paced && i > READER_LAG && r < readers.size(); r++) {
                    paced = readers.get(r).awaitEvents(i - READER_LAG, STALL_BOUND);
                }
                if (i % 8 == 0 && channelStreams(probe, channel) <= 3) {
                    cutAfter = i;
                }
            }
            probe.publish(channel, "h4-last");
            List<String> problems = new ArrayList<>();
            for (int r = 0; r < readers.size(); r++) {
                H2Stream reader = readers.get(r);
                if (!reader.awaitData("h4-last", STALL_BOUND)) {
                    problems.add("reader " + (r + 1) + " did not get every event within " + STALL_BOUND.toMillis()
                            + " ms: " + reader.eventData().size() + " of " + (published + 1)
                            + (reader.ended() ? ", its stream ended: " + reader.endReason() : ""));
                } else if (reader.eventData().size() != published + 1) {
                    problems.add("reader " + (r + 1) + " got " + reader.eventData().size() + " events, expected "
                            + (published + 1));
                }
            }
            if (cutAfter < 0 && awaitChannelStreams(probe, channel, count -> count <= 3, Duration.ofSeconds(2)) <= 3) {
                cutAfter = published;
            }
            if (cutAfter < 0) {
                problems.add("the stalled stream was still open after " + published * 64 + " KiB");
            }
            stalled.resume();
            boolean stalledEnded = stalled.awaitEnd(STALL_BOUND);
            if (cutAfter >= 0 && !stalledEnded) {
                problems.add("the server dropped the stalled stream but it did not end (no END_STREAM, no RST_STREAM) "
                        + "once read");
            }
            H2Stream after = null;
            if (!session.isOpen()) {
                problems.add("the connection was closed");
            } else {
                after = session.get(events, STREAM_HEADERS, "h2-after", Probe.HEAD_TIMEOUT);
                probe.publish(channel, "h4-after");
                if (!after.awaitData("h4-after", Probe.EVENT_TIMEOUT)) {
                    problems.add("a new stream on the same connection did not get h4-after");
                }
            }
            return probe.judge(expected, problems, "3 readers got all " + (published + 1)
                    + " events; the stalled stream was cut after at most " + cutAfter * 64 + " KiB and then ended: "
                    + stalled.endReason() + "; a new stream on the same connection got its event");
        }
    }

    private static long channelStreams(Probe probe, String channel) throws IOException {
        return probe.fixture().channelConnections(channel, probe.log()).orElse(-1);
    }

    /** Polls the channel's open-stream count until {@code done} holds or {@code bound} passed; returns the last count. */
    private static long awaitChannelStreams(Probe probe, String channel, LongPredicate done,
                                            Duration bound) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        long count = channelStreams(probe, channel);
        while (!done.test(count) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            count = channelStreams(probe, channel);
        }
        return count;
    }

    private Outcome alpnOffersH2(Probe probe) throws IOException {
        String expected = "HTTP/2 offered over TLS through ALPN (browsers speak HTTP/2 only that way)";
        URI base = probe.target().base();
        if (!Tls.isHttps(base)) {
            return probe.unimplemented(expected, "the base URL is http: give the suite the https URL to check ALPN");
        }
        int port = Tls.port(base);
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(base.getHost(), port), 5_000);
        plain.setSoTimeout(5_000);
        try (SSLSocket socket = Tls.current().handshake(plain, base.getHost(), port, List.of("h2", "http/1.1"))) {
            String protocol = socket.getApplicationProtocol();
            String actual = socket.getSession().getProtocol() + ", ALPN offered h2 and http/1.1, server chose "
                    + (protocol == null || protocol.isEmpty() ? "none (no ALPN: HTTP/1.1 only)" : protocol);
            probe.note(actual);
            return probe.info(expected, actual);
        } finally {
            plain.close();
        }
    }

    private static String noH2(Probe probe) {
        return Tls.isHttps(probe.target().base()) ? "the server does not speak h2 over TLS (ALPN)"
                : "the server does not speak HTTP/2 cleartext (prior knowledge)";
    }

    /** A session, or null when the server does not speak h2c or h2 (sends no SETTINGS). */
    private static H2Session connect(Probe probe) {
        return connect(probe, 0);
    }

    private static H2Session connect(Probe probe, int streamWindow) {
        try {
            return H2Session.connect(probe.target().base(), probe.log(), Duration.ofSeconds(3), streamWindow);
        } catch (IOException e) {
            probe.note("no HTTP/2: " + HttpExchange.describe(e));
            return null;
        }
    }
}
