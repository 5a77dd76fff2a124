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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.ssekit.conformance.ConformanceCase;
import org.ssekit.conformance.Target;
import org.ssekit.conformance.Verdict;
import org.ssekit.conformance.client.FixtureClient;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.HttpRequest;
import org.ssekit.conformance.client.WireLog;

/**
 * What one running case works with: the target, the wire log, connections that are closed
 * when the case ends, and the verdict helpers that apply the case's level.
 */
final class Probe implements AutoCloseable {
    static final Duration HEAD_TIMEOUT = Duration.ofSeconds(5);
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofMillis(300);

    private final ConformanceCase conformanceCase;
    private final Target target;
    private final WireLog log;
    private final List<HttpExchange> exchanges = new ArrayList<>();
    private int connections;

    Probe(ConformanceCase conformanceCase, Target target, WireLog log) {
        this.conformanceCase = conformanceCase;
        this.target = target;
        this.log = log;
    }

    Target target() {
        return target;
    }

    WireLog log() {
        return log;
    }

    FixtureClient fixture() {
        return target.fixture();
    }

    /** A fresh channel for this case. */
    String channel() {
        return target.newChannel(conformanceCase.id());
    }

    /** Opens an exchange that is closed when the case ends. */
    synchronized HttpExchange open(HttpRequest request) throws IOException {
        HttpExchange exchange = HttpExchange.open(request, log, nextLabel(), HEAD_TIMEOUT);
        exchanges.add(exchange);
        return exchange;
    }

    /** Opens an exchange that logs nothing, for load cases. */
    synchronized HttpExchange openQuiet(HttpRequest request) throws IOException {
        HttpExchange exchange = HttpExchange.open(request, WireLog.discarding(), nextLabel(), HEAD_TIMEOUT);
        exchanges.add(exchange);
        return exchange;
    }

    /** Opens a stream whose body is not read: a stalled client with a small receive buffer. */
    synchronized HttpExchange openStalled(HttpRequest request) throws IOException {
        HttpExchange exchange = HttpExchange.openUnread(request, log, nextLabel(), HEAD_TIMEOUT, 4096);
        exchanges.add(exchange);
        return exchange;
    }

    /** Opens the event stream as {@code EventSource} would: on a channel, or the bare URL. */
    HttpExchange stream(String channel) throws IOException {
        return open(HttpRequest.eventStream(target.streamUri(channel)));
    }

    /** The event stream request for a channel, to add header fields to. */
    HttpRequest streamRequest(String channel) {
        return HttpRequest.eventStream(target.streamUri(channel));
    }

    /** The fixture's stream URL with extra query parameters. */
    URI streamUri(List<String> channels, Map<String, String> query) {
        return fixture().events(channels, query);
    }

    /** Publishes data and returns the assigned id. */
    String publish(String channel, String data) throws IOException {
        return fixture().publishData(channel, data, log);
    }

    /** Publishes an event with explicit fields. */
    FixtureClient.Response publish(String channel, String data, String field, Object value) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("data", data);
        fields.put(field, value);
        return fixture().publish(channel, fields, log);
    }

    /** Reads the fixture's open-stream count (all channels: other cases' streams move it). */
    long connectionCount() throws IOException {
        return fixture().connections(log);
    }

    /**
     * The open streams of {@code channel}: the fixture's per-channel count when it offers one
     * ({@code GET B/stats?channel=C}), which no other case's stream moves; otherwise its
     * global count.
     */
    long streamCount(String channel) throws IOException {
        OptionalLong own = fixture().channelConnections(channel, log);
        return own.isPresent() ? own.getAsLong() : connectionCount();
    }

    /** Whether the fixture counts the streams of one channel (see {@link #streamCount}). */
    boolean countsPerChannel(String channel) throws IOException {
        return fixture().channelConnections(channel, log).isPresent();
    }

    void note(String text) {
        log.note("suite", text);
    }

    Outcome ok(String expected, String actual) {
        return new Outcome(Verdict.OK, expected, actual);
    }

    /** A violation at the case's level: FAILED for MUST, NON-STRICT for SHOULD, INFORMATIONAL for INFO. */
    Outcome violation(String expected, String actual) {
        return new Outcome(conformanceCase.level().violation(), expected, actual);
    }

    Outcome failed(String expected, String actual) {
        return new Outcome(Verdict.FAILED, expected, actual);
    }

    Outcome nonStrict(String expected, String actual) {
        return new Outcome(Verdict.NON_STRICT, expected, actual);
    }

    Outcome info(String expected, String actual) {
        return new Outcome(Verdict.INFORMATIONAL, expected, actual);
    }

    Outcome unimplemented(String expected, String actual) {
        return new Outcome(Verdict.UNIMPLEMENTED, expected, actual);
    }

    /** OK when {@code problems} is empty, otherwise a violation listing them. */
    Outcome judge(String expected, List<String> problems, String okActual) {
        return problems.isEmpty() ? ok(expected, okActual) : violation(expected, String.join("\n", problems));
    }

    @Override
    public synchronized void close() {
        exchanges.forEach(HttpExchange::close);
    }

    private String nextLabel() {
        return "c" + (++connections);
    }
}
