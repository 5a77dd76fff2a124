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
package org.ssekit.conformance.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.SettingsFrame;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * One HTTP/2 connection, cleartext with prior knowledge (RFC 9113 section 3.3) or over TLS
 * with ALPN (section 3.2), opened with
 * Jetty's low-level HTTP/2 client so the suite sees the response header fields and DATA
 * frames as decoded. Many {@link H2Stream}s can share it. A response that a conformant
 * client must treat as malformed (such as one with a Connection field) fails its stream.
 *
 * <p>Thread-safe. {@link #close()} stops the client and every stream.
 */
public final class H2Session implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(H2Session.class.getName());

    private final HTTP2Client client;
    private final Session session;
    private final WireLog log;

    private H2Session(HTTP2Client client, Session session, WireLog log) {
        this.client = client;
        this.session = session;
        this.log = log;
    }

    /**
     * Connects to the host and port of {@code uri} and sends the HTTP/2 preface: h2c with prior
     * knowledge for http, h2 through ALPN over TLS ({@link Tls#current()}) for https.
     *
     * @throws IOException when the connection cannot be made within {@code timeout}
     */
    public static H2Session connect(URI uri, WireLog log, Duration timeout) throws IOException {
        return connect(uri, log, timeout, 0);
    }

    /**
     * Like {@link #connect(URI, WireLog, Duration)}, announcing {@code streamWindow} bytes as
     * each stream's initial flow-control window (0: Jetty's default, 8 MiB). A stream that is
     * not read ({@link #get(URI, List, String, Duration, boolean)}) then holds at most that much.
     */
    public static H2Session connect(URI uri, WireLog log, Duration timeout, int streamWindow) throws IOException {
        HTTP2Client client = new HTTP2Client();
        client.setConnectTimeout(timeout.toMillis());
        if (streamWindow > 0) {
            client.setInitialStreamRecvWindow(streamWindow);
        }
        boolean tls = Tls.isHttps(uri);
        try {
            client.start();
            int port = Tls.port(uri);
            CountDownLatch settings = new CountDownLatch(1);
            Session.Listener listener = new Session.Listener() {
                @Override
                public void onSettings(Session session, SettingsFrame frame) {
                    settings.countDown();
                }
            };
            InetSocketAddress address = new InetSocketAddress(uri.getHost(), port);
            SslContextFactory.Client ssl = tls ? Tls.current().jettyClient() : null;
            if (ssl != null) {
                ssl.start();
            }
            Session session = (tls ? client.connect(ssl, address, listener) : client.connect(address, listener))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!settings.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                session.close(0, "no settings", Callback.NOOP);
                throw new IOException("no HTTP/2 SETTINGS from the server: it does not speak " + (tls ? "h2" : "h2c"));
            }
            log.note("h2", (tls ? "connected with TLS and ALPN h2 to " : "connected with prior knowledge to ")
                    + uri.getHost() + ":" + port + ", SETTINGS received"
                    + (streamWindow > 0 ? ", stream window " + streamWindow : ""));
            return new H2Session(client, session, log);
        } catch (Exception e) {
            stop(client);
            throw asIo(e);
        }
    }

    /** Whether the connection is still open (no GOAWAY, no failure). */
    public boolean isOpen() {
        return !session.isClosed();
    }

    /**
     * Opens a GET stream and waits for its response head.
     *
     * @param uri     the target
     * @param headers request header fields (lower-case names, as HTTP/2 requires)
     * @param label   the stream label in the wire log
     * @param timeout how long to wait for the response head
     * @throws IOException when no response head arrives in time
     */
    public H2Stream get(URI uri, List<Map.Entry<String, String>> headers, String label, Duration timeout)
            throws IOException {
        return get(uri, headers, label, timeout, false);
    }

    /**
     * Opens a GET stream; when {@code stalled}, its DATA frames are not read (so no
     * WINDOW_UPDATE is sent for them) until {@link H2Stream#resume()}.
     */
    public H2Stream get(URI uri, List<Map.Entry<String, String>> headers, String label, Duration timeout,
                        boolean stalled) throws IOException {
        HttpFields.Mutable fields = HttpFields.build();
        headers.forEach(field -> fields.add(field.getKey(), field.getValue()));
        MetaData.Request request = new MetaData.Request("GET", HttpURI.from(uri.toString()), HttpVersion.HTTP_2, fields);
        log.sent(label, "HEADERS :method GET :path " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " " + headers);
        H2Stream stream = new H2Stream(log, label, stalled);
        try {
            session.newStream(new HeadersFrame(request, null, true), stream.listener())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw asIo(e);
        }
        stream.awaitHead(timeout);
        return stream;
    }

    @Override
    public void close() {
        session.close(0, "done", Callback.NOOP);
        stop(client);
    }

    private static void stop(HTTP2Client client) {
        try {
            client.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "HTTP/2 client stop failed", e);
        }
    }

    static IOException asIo(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof TimeoutException) {
            return new IOException("HTTP/2 timed out", cause);
        }
        return new IOException(HttpExchange.describe(cause), cause);
    }
}
