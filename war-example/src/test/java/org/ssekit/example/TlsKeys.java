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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The example's TLS key: a real one from {@code -Dssekit.tls.keystore=FILE}
 * ({@code -Dssekit.tls.keystorePassword=P}, PKCS12 or JKS), or a self-signed certificate for
 * {@code localhost} and {@code 127.0.0.1} made at start by the JDK's own {@code keytool}
 * (an EC P-256 key, valid 30 days), written with its PEM forms to a directory
 * (default {@code target/tls}) so clients can trust it:
 * {@code localhost.p12} (trust store and key store, password {@code changeit}),
 * {@code localhost.crt} (the certificate) and {@code localhost.key} (the private key, PKCS#8,
 * for nginx).
 *
 * <p>Immutable and thread-safe.
 */
final class TlsKeys {
    static final String KEYSTORE_PROPERTY = "ssekit.tls.keystore";
    static final String PASSWORD_PROPERTY = "ssekit.tls.keystorePassword";
    static final String DIR_PROPERTY = "ssekit.tls.dir";
    static final String SELF_SIGNED_PASSWORD = "changeit";
    private static final String ALIAS = "ssekit-localhost";

    private static TlsKeys selfSigned;

    private final Path keyStore;
    private final String password;
    private final boolean generated;

    private TlsKeys(Path keyStore, String password, boolean generated) {
        this.keyStore = keyStore;
        this.password = password;
        this.generated = generated;
    }

    /** The key store the system properties name, or the self-signed one (made once per JVM). */
    static synchronized TlsKeys fromSystemProperties() throws IOException, InterruptedException {
        String configured = System.getProperty(KEYSTORE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured);
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException(KEYSTORE_PROPERTY + "=" + configured + ": no readable file there");
            }
            return new TlsKeys(file, System.getProperty(PASSWORD_PROPERTY, ""), false);
        }
        if (selfSigned == null) {
            selfSigned = generate(Path.of(System.getProperty(DIR_PROPERTY, "target/tls")));
        }
        return selfSigned;
    }

    /** Makes a fresh self-signed key pair for localhost and 127.0.0.1 in {@code dir}. */
    static TlsKeys generate(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path store = dir.resolve("localhost.p12");
        Files.deleteIfExists(store);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                "-dname", "CN=localhost, O=ssekit example (self-signed)",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "EKU=serverAuth",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", SELF_SIGNED_PASSWORD, "-keypass", SELF_SIGNED_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool -genkeypair failed: " + output);
        }
        TlsKeys keys = new TlsKeys(store, SELF_SIGNED_PASSWORD, true);
        keys.writePem(dir.resolve("localhost.crt"), dir.resolve("localhost.key"));
        return keys;
    }

    /** Writes the certificate and the private key as PEM. */
    private void writePem(Path certificate, Path privateKey) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            Certificate cert = store.getCertificate(ALIAS);
            Key key = store.getKey(ALIAS, password.toCharArray());
            Files.writeString(certificate, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(privateKey, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read back " + keyStore + ": " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    Path keyStore() {
        return keyStore;
    }

    String password() {
        return password;
    }

    boolean generated() {
        return generated;
    }

    /** The PEM certificate next to a generated key store. */
    Path certificatePem() {
        return keyStore.resolveSibling("localhost.crt");
    }

    /** The PEM private key next to a generated key store. */
    Path privateKeyPem() {
        return keyStore.resolveSibling("localhost.key");
    }

    /** What a person reads at start. */
    List<String> describe() {
        if (!generated) {
            return List.of("TLS key store " + keyStore + " (" + KEYSTORE_PROPERTY + ")");
        }
        return List.of("self-signed certificate for localhost and 127.0.0.1: " + certificatePem().toAbsolutePath(),
                "  trust it (curl --cacert, or import into the browser), or give a real one with -D"
                        + KEYSTORE_PROPERTY + "=FILE -D" + PASSWORD_PROPERTY + "=P");
    }
}
