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
package org.ssekit.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checklist of CONFORMANCE.md as data: every case with its id, level, profile, the rule
 * quoted and its source. Stateless and thread-safe.
 */
public final class Cases {
    private static final String HTML = "WHATWG HTML, Server-sent events ";
    private static final String ABNF = "stream = [ bom ] *event; event = *( comment / field ) end-of-line; "
            + "comment = colon *any-char end-of-line; field = 1*name-char [ colon [ space ] *any-char ] end-of-line; "
            + "end-of-line = ( cr lf / cr / lf )";
    private static final List<ConformanceCase> ALL = build();

    private Cases() {
    }

    /** Every case, in checklist order. */
    public static List<ConformanceCase> all() {
        return ALL;
    }

    /** A case by id. */
    public static Optional<ConformanceCase> byId(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static List<ConformanceCase> build() {
        List<ConformanceCase> cases = new ArrayList<>();
        framing(cases);
        headers(cases);
        cors(cases);
        heartbeat(cases);
        resume(cases);
        cluster(cases);
        retryAndClose(cases);
        transport(cases);
        badInputAndLoad(cases);
        return List.copyOf(cases);
    }

    private static void framing(List<ConformanceCase> cases) {
        cases.add(any("FRM-01", "send a body that is valid UTF-8", Level.MUST,
                "Event streams in this format must always be encoded as UTF-8.", HTML + "9.2.5"));
        cases.add(any("FRM-02", "send only lines that fit the ABNF (data/event/id/retry or comments)", Level.MUST,
                ABNF, HTML + "9.2.5"));
        cases.add(any("FRM-03", "end every event with a blank line before any pause, flush or close", Level.MUST,
                "If the file ends in the middle of an event, before the final empty line, the incomplete event is not dispatched.",
                HTML + "9.2.6"));
        cases.add(any("FRM-04", "use one line-ending style per stream, preferably LF", Level.SHOULD,
                "Lines must be separated by either a CRLF character pair, a single LF character, or a single CR character.",
                HTML + "9.2.5; interoperability with line-based proxies and parsers"));
        cases.add(fixture("FRM-05", "split a payload containing CR, LF or CRLF into several data: lines", Level.MUST,
                "data: Append the field value to the data buffer, then append a single U+000A LINE FEED (LF) character to the data buffer.",
                HTML + "9.2.6"));
        cases.add(fixture("FRM-06", "write 'data: ' with the space so a leading space survives", Level.MUST,
                "If value starts with a U+0020 SPACE character, remove it from value.", HTML + "9.2.6"));
        cases.add(fixture("FRM-07", "send an empty payload as a data: line", Level.SHOULD,
                "If the data buffer is an empty string, set the data buffer and the event type buffer to the empty string and return.",
                HTML + "9.2.6 (dispatch)"));
        cases.add(any("FRM-08", "send no BOM, or one only at offset 0", Level.MUST,
                "stream = [ bom ] *event; the UTF-8 decode algorithm strips one leading BOM only", HTML + "9.2.5"));
        cases.add(any("FRM-09", "never put U+0000 in an id", Level.MUST,
                "id: If the field value does not contain U+0000 NULL, then set the last event ID buffer to the field value. Otherwise, ignore the field.",
                HTML + "9.2.6"));
        cases.add(fixture("FRM-10", "write each event whole: nothing interleaves inside it", Level.MUST,
                "event = *( comment / field ) end-of-line: the fields of one event are the lines up to the next blank line",
                HTML + "9.2.5, 9.2.6"));
        cases.add(fixture("FRM-11", "put each event on the wire promptly (< 100 ms), no block buffering", Level.SHOULD,
                "Events are dispatched as the lines arrive; a buffering server delays every event.",
                HTML + "9.2.6; interoperability"));
    }

    private static void headers(List<ConformanceCase> cases) {
        String fetch = HTML + "9.2.2 (establish the connection)";
        cases.add(any("HDR-01", "answer a stream request with 200", Level.MUST,
                "if res's status is not 200, or if res's Content-Type is not text/event-stream, then fail the connection.", fetch));
        cases.add(any("HDR-02", "send Content-Type text/event-stream", Level.MUST,
                "if res's status is not 200, or if res's Content-Type is not text/event-stream, then fail the connection.", fetch));
        cases.add(any("HDR-03", "send no charset parameter, or utf-8", Level.MUST,
                "charset: The charset parameter may be provided. The parameter's value must be \"utf-8\".",
                "WHATWG HTML, IANA considerations, text/event-stream; Chromium fails other charsets"));
        cases.add(any("HDR-04", "flush the headers at once, before the first event", Level.SHOULD,
                "The open event fires when the response head arrives; a client waiting for headers cannot tell a stream from a hang.",
                HTML + "9.2.2 (announce the connection); interoperability"));
        cases.add(any("HDR-05", "send Cache-Control: no-cache (or no-store) with no-transform", Level.SHOULD,
                "no-transform: an intermediary must not transform the content; no-cache/no-store: a cache must not serve it",
                "RFC 9111 sections 5.2.2.4, 5.2.2.5, 5.2.2.6"));
        cases.add(any("HDR-06", "send no Content-Length on an open-ended stream", Level.SHOULD,
                "The length of an open-ended stream is not known; it is delimited by chunked coding or the close.",
                "RFC 9112 section 6.3"));
        cases.add(any("HDR-07", "send X-Accel-Buffering: no for nginx-style proxies", Level.INFO,
                "X-Accel-Buffering: no disables proxy buffering for this response.", "nginx ngx_http_proxy_module"));
        cases.add(any("HDR-08", "accept Accept lists and q-values; answer 406 when no event stream is acceptable",
                Level.MUST, "Set request's header list to `Accept`/`text/event-stream`; a server may answer 406 when no "
                        + "representation is acceptable.", HTML + "9.2.2; RFC 9110 sections 12.5.1 and 15.5.7"));
    }

    private static void cors(List<ConformanceCase> cases) {
        String fetch = "Fetch, CORS protocol (section 3.2)";
        cases.add(profile("CORS-01", "answer an allowed origin with ACAO equal to it", Level.MUST, "cors",
                "Access-Control-Allow-Origin indicates whether the response can be shared, via returning the literal value "
                        + "of the Origin request header or *.", fetch));
        cases.add(profile("CORS-02", "with credentials: exact origin, never *, and ACAC: true", Level.MUST, "cors",
                "For requests whose credentials mode is include, Access-Control-Allow-Origin cannot be * and "
                        + "Access-Control-Allow-Credentials must be true.", fetch));
        cases.add(profile("CORS-03", "send Vary: Origin when ACAO depends on the origin", Level.SHOULD, "cors",
                "If Access-Control-Allow-Origin is set to a value that depends on Origin, use Vary with Origin.",
                "Fetch, section 3.2.5 (CORS protocol and HTTP caches)"));
        cases.add(profile("CORS-04", "give a disallowed origin no ACAO; preferably 403 and no subscription", Level.MUST,
                "cors", "A response that must not be shared carries no Access-Control-Allow-Origin matching the request.",
                fetch));
        cases.add(profile("CORS-05", "not allow Origin: null by default", Level.SHOULD, "cors",
                "Origin: null is sent by sandboxed documents and file: URLs; allowing it allows every such page.",
                fetch + "; W3C webappsec guidance"));
        cases.add(profile("CORS-06", "answer a preflight for authorization, last-event-id correctly", Level.MUST, "cors",
                "A successful CORS-preflight response has an ok status, Access-Control-Allow-Origin, -Credentials, "
                        + "-Methods including the method and -Headers naming each requested header (* is not a wildcard with credentials).",
                "Fetch, section 4.8 (CORS-preflight fetch)"));
        cases.add(profile("CORS-07", "give a preflight no side effects and no stream", Level.SHOULD, "cors",
                "A CORS-preflight request is an OPTIONS request checking whether the actual request is allowed.",
                "Fetch, section 3.2.2"));
        cases.add(profile("CORS-08", "accept an unsafe or long Last-Event-ID with and without preflight", Level.MUST, "cors",
                "EventSource sends Last-Event-ID on reconnection; Chromium never preflights it, other clients do.",
                HTML + "9.2.3; Fetch CORS-safelisted request-header (128 bytes)"));
    }

    private static void heartbeat(List<ConformanceCase> cases) {
        String note = "Legacy proxy servers are known to, in certain cases, drop HTTP connections after a short timeout. "
                + "To protect against such proxy servers, authors can include a comment line every 15 seconds or so.";
        cases.add(profile("HB-01", "send a comment at least every declared interval while idle", Level.SHOULD,
                "heartbeat", note, HTML + "9.2.7"));
        cases.add(profile("HB-02", "keep the interval below common idle timeouts (30 s, 45 s)", Level.SHOULD,
                "heartbeat", note, HTML + "9.2.7; container and polyfill idle timeouts"));
        cases.add(profile("HB-03", "put no id, retry or data in a heartbeat", Level.MUST, "heartbeat",
                "A heartbeat with an id changes the last event ID; with data it dispatches an event to the application.",
                HTML + "9.2.6"));
        cases.add(profile("HB-04", "prefer a bare ':' comment line", Level.INFO, "heartbeat",
                "comment = colon *any-char end-of-line", HTML + "9.2.5"));
    }

    private static void resume(List<ConformanceCase> cases) {
        String reconnect = HTML + "9.2.3, 9.2.4 (Last-Event-ID)";
        cases.add(profile("RES-01", "give resumable events unique, ordered ids without CR/LF/NUL", Level.MUST, "resume",
                "id: set the last event ID buffer; the client sends it back as Last-Event-ID when it reconnects.", reconnect));
        cases.add(profile("RES-02", "replay exactly the events after Last-Event-ID, then live, no gap, no duplicate",
                Level.MUST, "resume", "If the event source's last event ID string is not the empty string, set "
                        + "`Last-Event-ID` to it; the server resumes after that event.", reconnect));
        cases.add(profile("RES-03", "follow a detectable rule on an unknown or expired id", Level.SHOULD, "resume",
                "A server that cannot resume must say so (reset event, snapshot or 204), not silently restart from now.",
                reconnect + "; interoperability"));
        cases.add(profile("RES-04", "accept the id from a query parameter as a fallback; the header wins", Level.SHOULD,
                "resume", "Polyfills that cannot set headers send the last event id in the query string.",
                "Yaffle EventSource polyfill; interoperability"));
        cases.add(profile("RES-05", "treat an empty Last-Event-ID as absent", Level.SHOULD, "resume",
                "If the event source's last event ID string is not the empty string, set Last-Event-ID.", reconnect));
    }

    private static void cluster(List<ConformanceCase> cases) {
        String reconnect = HTML + "9.2.3, 9.2.4 (Last-Event-ID)";
        cases.add(profile("RES-06", "in a cluster, deliver every event to every node's subscribers, in one order",
                Level.MUST, "cluster", "The client cannot choose its node: behind a load balancer every node must "
                        + "send it the same stream of events, each once, in the same order.",
                reconnect + "; CONFORMANCE.md RES-06"));
        cases.add(profile("RES-07", "in a cluster, resume any node's id on any other node, no gap, no duplicate",
                Level.MUST, "cluster", "If the event source's last event ID string is not the empty string, set "
                        + "`Last-Event-ID` to it; the reconnection may reach another node, which resumes after that event.",
                reconnect + "; CONFORMANCE.md RES-07"));
    }

    private static void retryAndClose(List<ConformanceCase> cases) {
        cases.add(any("RTY-01", "send retry as ASCII digits only", Level.MUST,
                "retry: If the field value consists of only ASCII digits, then interpret the field value as an integer in base ten. Otherwise, ignore the field.",
                HTML + "9.2.6"));
        cases.add(any("RTY-02", "send retry early, never empty", Level.SHOULD,
                "The reconnection time applies to the next reconnection; a retry sent late or empty has no effect.",
                HTML + "9.2.6; interoperability"));
        cases.add(any("RTY-03", "report retry jitter and load shedding", Level.INFO,
                "5xx stops browsers; 503 with Retry-After makes Jakarta clients retry.", "CONFORMANCE.md, real clients"));
        cases.add(profile("CLS-01", "answer a terminated stream with 204 and no body", Level.MUST, "terminate",
                "Clients will reconnect if the connection is closed; a client can be told to stop reconnecting using "
                        + "the HTTP 204 No Content response code.", HTML + "9.2.3"));
        cases.add(fixture("CLS-02", "on a normal close finish the current event, then close", Level.SHOULD,
                "If the file ends in the middle of an event the incomplete event is not dispatched; on close the client reconnects.",
                HTML + "9.2.3, 9.2.6"));
        cases.add(fixture("CLS-03", "release a connection's resources after the client goes away", Level.MUST,
                "A client may close at any time; the server must notice and release the connection.",
                "RFC 9112 section 9.6 (tear-down)"));
        cases.add(fixture("CLS-04", "keep a slow consumer's buffer bounded, then disconnect it", Level.SHOULD,
                "A client that does not read must not make the server buffer without bound.", "robustness"));
    }

    private static void transport(List<ConformanceCase> cases) {
        cases.add(any("H-01", "on HTTP/1.1 use chunked or close-delimited framing", Level.MUST,
                "If a Transfer-Encoding header field is present and the chunked transfer coding is the final encoding, "
                        + "the message body length is determined by reading and decoding the chunked data; otherwise the close.",
                "RFC 9112 section 6.3"));
        cases.add(any("H-02", "on HTTP/2 send no connection-specific header fields", Level.MUST,
                "An endpoint MUST NOT generate an HTTP/2 message containing connection-specific header fields "
                        + "(Connection, Proxy-Connection, Keep-Alive, Transfer-Encoding, Upgrade).",
                "RFC 9113 section 8.2.2"));
        cases.add(any("H-03", "on HTTP/2 carry many streams on one connection independently", Level.SHOULD,
                "A single HTTP/2 connection can contain multiple concurrently open streams.", "RFC 9113 section 5"));
        cases.add(fixture("H-04", "on HTTP/2, one stalled stream does not hold up the others; cut that stream, not the connection",
                Level.SHOULD, "Flow control is used for both individual streams and the connection as a whole; a receiver "
                        + "that does not send WINDOW_UPDATE stalls only its own stream. A slow consumer is cut with "
                        + "RST_STREAM or the end of its stream, not GOAWAY.", "RFC 9113 sections 5.2, 6.9; robustness"));
        cases.add(any("H-05", "offer HTTP/2 over TLS through ALPN", Level.INFO,
                "Browsers use HTTP/2 only over TLS, negotiated with ALPN (h2); over HTTP/1.1 they open at most six "
                        + "connections per origin, so a seventh EventSource waits.", "RFC 9113 section 3.2; RFC 7301"));
        cases.add(any("CMP-01", "never use a Content-Encoding the request did not offer", Level.MUST,
                "A server must not send content in a coding that the Accept-Encoding of the request excludes "
                        + "(identity only).", "RFC 9110 section 12.5.3"));
        cases.add(any("CMP-02", "not compress by default; if it compresses, flush each event", Level.SHOULD,
                "A compressing intermediary or server that buffers the deflate stream delays every event.",
                "RFC 9110 section 8.4; interoperability"));
    }

    private static void badInputAndLoad(List<ConformanceCase> cases) {
        cases.add(any("BAD-01", "answer a huge Last-Event-ID with 431 or the unknown-id rule, never 5xx", Level.MUST,
                "431 Request Header Fields Too Large: the server is unwilling to process the request because its header "
                        + "fields are too large.", "RFC 6585 section 5; RFC 9110 section 15.6"));
        cases.add(any("BAD-02", "treat hostile Last-Event-ID values as opaque, never reflect them raw", Level.MUST,
                "Last-Event-ID carries the last event ID string as sent by the server; any other value is untrusted input.",
                HTML + "9.2.4; OWASP injection"));
        cases.add(fixture("BAD-03", "reject CR/LF in event names and ids and NUL in ids", Level.MUST,
                "field = 1*name-char [ colon [ space ] *any-char ] end-of-line: a CR or LF in a value ends the line and "
                        + "injects a field.", HTML + "9.2.5; fixture contract (400, nothing published)"));
        cases.add(fixture("BAD-04", "reject a negative or non-numeric retry", Level.MUST,
                "retry: only ASCII digits are interpreted; anything else is ignored by clients.",
                HTML + "9.2.6; fixture contract (400, nothing published)"));
        cases.add(fixture("LOAD-01", "broadcast to many clients with no loss and in order", Level.INFO,
                "Every subscriber receives every event in order.", "robustness"));
        cases.add(fixture("LOAD-02", "not let one stalled client delay the others beyond a bound", Level.MUST,
                "One client that stops reading must not block the publisher or the other clients.", "robustness"));
        cases.add(fixture("LOAD-03", "leak nothing under connect/disconnect churn", Level.MUST,
                "Every connection's resources are released after it closes.", "robustness"));
    }

    private static ConformanceCase any(String id, String title, Level level, String rule, String source) {
        return new ConformanceCase(id, title, level, Optional.empty(), false, rule, source);
    }

    private static ConformanceCase fixture(String id, String title, Level level, String rule, String source) {
        return new ConformanceCase(id, title, level, Optional.empty(), true, rule, source);
    }

    private static ConformanceCase profile(String id, String title, Level level, String profile, String rule,
                                           String source) {
        return new ConformanceCase(id, title, level, Optional.of(profile), true, rule, source);
    }
}
