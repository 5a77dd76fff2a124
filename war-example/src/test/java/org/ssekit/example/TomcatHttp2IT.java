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
import java.util.List;
import java.util.Set;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.ssekit.conformance.Options;
import org.ssekit.conformance.client.Tls;

/**
 * {@link Http2Contract} on embedded Tomcat 10.1 with its {@code Http2Protocol} on two
 * connectors: cleartext (HTTP/1.1, h2c by upgrade or prior knowledge) and TLS (h2 and HTTP/1.1
 * by ALPN, JSSE). The exploded WAR as built, both fixtures: Tomcat has no JAX-RS, so Jersey on
 * the test class path plays one the server provides (its initializer is found from the parent
 * class loader), as on Jetty.
 */
class TomcatHttp2IT extends Http2Contract {
    private final HeaderRecorder recorder = new HeaderRecorder();
    private Tomcat tomcat;
    private Connector plain;
    private Connector tls;
    private Path base;
    private TlsKeys keys;

    @BeforeAll
    void start() throws Exception {
        keys = TlsKeys.fromSystemProperties();
        base = Files.createTempDirectory("ssekit-tomcat-h2-");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        plain = new Connector();
        plain.setProperty("address", "127.0.0.1");
        plain.setPort(0);
        plain.addUpgradeProtocol(new Http2Protocol());
        tomcat.getService().addConnector(plain);
        tomcat.setConnector(plain);

        tls = new Connector();
        tls.setProperty("address", "127.0.0.1");
        tls.setPort(0);
        tls.setSecure(true);
        tls.setScheme("https");
        tls.setProperty("SSLEnabled", "true");
        SSLHostConfig host = new SSLHostConfig();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(keys.keyStore().toAbsolutePath().toString());
        certificate.setCertificateKeystorePassword(keys.password());
        certificate.setCertificateKeystoreType("PKCS12");
        host.addCertificate(certificate);
        tls.addSslHostConfig(host);
        tls.addUpgradeProtocol(new Http2Protocol());
        tomcat.getService().addConnector(tls);

        String webapp = Path.of(System.getProperty("example.webapp", "target/war-example-0.1.0-SNAPSHOT"))
                .toAbsolutePath().toString();
        Context context = tomcat.addWebapp("", webapp);
        // Only the WAR's own jars are scanned for fragments; Jersey's initializer on the test class
        // path plays a JAX-RS the server provides, as on Jetty.
        ((org.apache.tomcat.util.scan.StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        FilterDef def = new FilterDef();
        def.setFilterName("header-recorder");
        def.setFilter(recorder);
        def.setAsyncSupported("true");
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("header-recorder");
        map.addURLPattern("/*");
        context.addFilterMapBefore(map);
        tomcat.start();
        Tls.use(trust());
    }

    @AfterAll
    void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (base != null) {
            try (var files = Files.walk(base)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    private Tls trust() {
        return Tls.trustStore(keys.keyStore(), keys.password().toCharArray());
    }

    @Override
    URI http() {
        return URI.create("http://localhost:" + plain.getLocalPort() + "/");
    }

    @Override
    URI https() {
        return URI.create("https://localhost:" + tls.getLocalPort() + "/");
    }

    @Override
    List<String> fixtures() {
        return List.of("servlet", "jaxrs");
    }

    @Override
    HeaderRecorder recorder() {
        return recorder;
    }

    @Override
    Options suiteOptions(Set<String> only) {
        return Options.builder().only(only).tls(trust()).build();
    }

    @Override
    String name() {
        return "tomcat-h2";
    }
}
