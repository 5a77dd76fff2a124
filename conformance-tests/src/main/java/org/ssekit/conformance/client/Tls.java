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
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * How the suite trusts an https server: the JDK's default trust store, a trust store file
 * (a server with a private or self-signed certificate), or anything ({@code --insecure}, for
 * a throw-away self-signed certificate; the host name is then not checked either).
 *
 * <p>Immutable and thread-safe. The suite's connections use the trust of the run in progress
 * ({@link #use}), one per JVM at a time.
 */
public final class Tls {
    private static final Tls SYSTEM = new Tls(null, true, "the JDK's default trust store");
    private static final AtomicReference<Tls> CURRENT = new AtomicReference<>(SYSTEM);

    private final SSLContext context;
    private final boolean verifyHost;
    private final String description;

    private Tls(SSLContext context, boolean verifyHost, String description) {
        this.context = context;
        this.verifyHost = verifyHost;
        this.description = description;
    }

    /** The JDK's default trust store, with host name verification. */
    public static Tls systemDefault() {
        return SYSTEM;
    }

    /** Trusts every certificate and every host name: for self-signed test certificates only. */
    public static Tls insecure() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, null);
            return new Tls(context, false, "any certificate (--insecure)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    /**
     * Trusts the certificates in a trust store file (PKCS12 or JKS), with host name verification.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or opened with {@code password}
     */
    public static Tls trustStore(Path file, char[] password) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return new Tls(context, true, "the trust store " + file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("truststore " + file + ": cannot be read: " + HttpExchange.describe(e), e);
        }
    }

    /** Makes {@code tls} the trust of every connection the suite opens from now on. */
    public static void use(Tls tls) {
        CURRENT.set(Objects.requireNonNull(tls, "tls"));
    }

    /** The trust in use. */
    public static Tls current() {
        return CURRENT.get();
    }

    /** Whether {@code uri} is https. */
    public static boolean isHttps(URI uri) {
        return "https".equals(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT));
    }

    /** The port of {@code uri}, or the scheme's default (80, 443). */
    public static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : isHttps(uri) ? 443 : 80;
    }

    /** What this trusts, for messages. */
    public String description() {
        return description;
    }

    /**
     * Runs the TLS handshake over a connected socket, offering {@code protocols} by ALPN
     * (such as {@code http/1.1}, or {@code h2} and {@code http/1.1}).
     *
     * @throws IOException when the handshake fails
     */
    public SSLSocket handshake(Socket plain, String host, int port, List<String> protocols) throws IOException {
        SSLContext ssl = sslContext();
        SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        if (verifyHost) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isIpLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        parameters.setApplicationProtocols(protocols.toArray(String[]::new));
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** The same trust for Jetty's HTTP/2 client. */
    public SslContextFactory.Client jettyClient() {
        SslContextFactory.Client factory = new SslContextFactory.Client();
        factory.setSslContext(sslContext());
        if (!verifyHost) {
            factory.setEndpointIdentificationAlgorithm(null);
            factory.setHostnameVerifier((host, session) -> true);
        }
        return factory;
    }

    private SSLContext sslContext() throws IllegalStateException {
        if (context != null) {
            return context;
        }
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default TLS context in this JDK", e);
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    @Override
    public String toString() {
        return "Tls[" + description + "]";
    }

    /** Accepts any chain: {@code --insecure}. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // client certificates are not used
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // --insecure: the user asked to trust any certificate
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
