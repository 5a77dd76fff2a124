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

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The example WAR on embedded Jetty 12 (ee10), deployed from the exploded WAR in target/.
 * {@code main} is what {@code mvn -Prun verify} runs; the ITs start it on port 0.
 *
 * <p>Two connectors: http (HTTP/1.1, and h2c by upgrade or prior knowledge) and https (h2 and
 * HTTP/1.1 negotiated with ALPN, the way browsers get HTTP/2), with the key of {@link TlsKeys}.
 */
public final class ExampleServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final ServerConnector tlsConnector;
    private final TlsKeys keys;

    private ExampleServer(Server server, ServerConnector connector, ServerConnector tlsConnector, TlsKeys keys) {
        this.server = server;
        this.connector = connector;
        this.tlsConnector = tlsConnector;
        this.keys = keys;
    }

    /**
     * Starts the WAR on {@code localhost:port} (0 picks a free port), and https on a free port.
     * The demo CORS allowlist becomes {@code http://127.0.0.1:<port>} (the second origin), the
     * two https origins, plus {@code extraOrigins}.
     */
    public static ExampleServer start(int port, String... extraOrigins) throws Exception {
        return start(port, 0, extraOrigins);
    }

    /** Like {@link #start(int, String...)} with https on {@code httpsPort} (0: a free port). */
    public static ExampleServer start(int port, int httpsPort, String... extraOrigins) throws Exception {
        return start(port, httpsPort, null, extraOrigins);
    }

    /**
     * On free ports, with {@code recorder} in front of the whole WAR, recording the response
     * header fields the application sets.
     */
    static ExampleServer startRecording(HeaderRecorder recorder) throws Exception {
        return start(0, 0, recorder);
    }

    private static ExampleServer start(int port, int httpsPort, HeaderRecorder recorder, String... extraOrigins)
            throws Exception {
        Path webapp = webapp();
        TlsKeys keys = TlsKeys.fromSystemProperties();
        Server server = new Server();
        HttpConfiguration plain = new HttpConfiguration();
        // HTTP/1.1 and h2c (upgrade or prior knowledge) on one port.
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(plain),
                new HTTP2CServerConnectionFactory(plain));
        // Browsers reach http://localhost:<port> on 127.0.0.1 too; the second origin is 127.0.0.1.
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        ServerConnector tls = tlsConnector(server, keys, httpsPort);
        // Bound before the WAR starts, so the allowlist can name the real ports.
        connector.open();
        tls.open();
        int bound = connector.getLocalPort();
        int tlsBound = tls.getLocalPort();
        StringBuilder origins = new StringBuilder("http://localhost:" + bound + ", http://127.0.0.1:" + bound
                + ", https://localhost:" + tlsBound + ", https://127.0.0.1:" + tlsBound);
        for (String o : extraOrigins) {
            origins.append(", ").append(o);
        }
        System.setProperty(ExampleApp.CORS_PROPERTY, origins.toString());
        server.addConnector(connector);
        server.addConnector(tls);

        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        context.setWar(webapp.toString());
        context.setThrowUnavailableOnStartupException(true);
        if (System.getProperty("ssekit.redis.uri") != null) {
            // A cluster node (ExampleCluster): sse-redis sits on this JVM's class path, outside the
            // WAR, so the core it implements must be the same classes the WAR uses: the WAR's
            // copy of the core yields to the class path's (the example's own classes stay the WAR's).
            // So does Micrometer, which the core's org.ssekit.micrometer binds to: a second copy
            // from WEB-INF/lib would be a different MeterRegistry (a LinkageError at start).
            context.addProtectedClassMatcher(new org.eclipse.jetty.util.ClassMatcher("org.ssekit.", "-org.ssekit.example.",
                    "io.micrometer.", "org.HdrHistogram.", "org.LatencyUtils."));
        }
        if (recorder != null) {
            context.addFilter(new FilterHolder(recorder), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        return new ExampleServer(server, connector, tls, keys);
    }

    /** https with ALPN: h2 first, HTTP/1.1 for clients that offer no ALPN or only http/1.1. */
    private static ServerConnector tlsConnector(Server server, TlsKeys keys, int port) {
        HttpConfiguration secure = new HttpConfiguration();
        secure.setSecureScheme("https");
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        // 127.0.0.1 sends no SNI; the certificate names both.
        customizer.setSniHostCheck(false);
        secure.addCustomizer(customizer);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keys.keyStore().toString());
        ssl.setKeyStorePassword(keys.password());
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(secure);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol("http/1.1");
        ServerConnector tls = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2,
                new HttpConnectionFactory(secure));
        tls.setHost("127.0.0.1");
        tls.setPort(port);
        return tls;
    }

    private static Path webapp() {
        String dir = System.getProperty("example.webapp", "target/war-example-0.1.0-SNAPSHOT");
        Path path = Path.of(dir);
        if (!Files.isDirectory(path.resolve("WEB-INF"))) {
            throw new IllegalStateException("no exploded WAR at " + path.toAbsolutePath()
                    + ": build it first (mvn package) or set -Dexample.webapp");
        }
        return path;
    }

    /**
     * Serves the same WAR on one more port of 127.0.0.1, an origin that is not on the
     * allowlist; returns the port.
     */
    public int openExtraPort() throws Exception {
        ServerConnector extra = new ServerConnector(server);
        extra.setHost("127.0.0.1");
        server.addConnector(extra);
        extra.start();
        return extra.getLocalPort();
    }

    /** {@code http://localhost:<port>/}. */
    public URI uri() {
        return URI.create("http://localhost:" + connector.getLocalPort() + "/");
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code https://localhost:<https port>/}. */
    public URI httpsUri() {
        return URI.create("https://localhost:" + tlsConnector.getLocalPort() + "/");
    }

    public int httpsPort() {
        return tlsConnector.getLocalPort();
    }

    /** The TLS key in use: generated at start, or from {@code -Dssekit.tls.keystore}. */
    TlsKeys keys() {
        return keys;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Held so that the level set in {@link #main} stays (loggers are weakly referenced). */
    private static final java.util.logging.Logger JERSEY_LOG = java.util.logging.Logger.getLogger("org.glassfish.jersey");

    public static void main(String[] args) throws Exception {
        // Jersey warns at startup about optional parts it does not find (JAXB, activation);
        // they are not needed here, and the console should show the address first.
        JERSEY_LOG.setLevel(java.util.logging.Level.SEVERE);
        int port = Integer.parseInt(System.getProperty("port", "8080"));
        int httpsPort = Integer.parseInt(System.getProperty("httpsPort", "8443"));
        ExampleServer example = start(port, httpsPort);
        System.out.println("ssekit example running at " + example.uri() + " (HTTP/1.1 and h2c) and "
                + example.httpsUri() + " (h2 and HTTP/1.1) (Ctrl-C to stop)");
        example.keys.describe().forEach(System.out::println);
        example.server.join();
    }
}
