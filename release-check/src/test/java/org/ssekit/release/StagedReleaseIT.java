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
package org.ssekit.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Runs {@code mvn -Prelease deploy} on a copy of the sources, at the release version (the
 * project version without -SNAPSHOT), and checks the staged directory as Maven Central would:
 * every published artifact with its pom, jar, sources and javadoc, each file with the .sha1 and
 * .md5 that deploy writes, and the metadata Central requires in the (effective) poms.
 */
class StagedReleaseIT {
    /** The published artifacts and their packaging; nothing else may be staged. */
    private static final Map<String, String> PUBLISHED = Map.of(
            "ssekit-parent", "pom",
            "ssekit-bom", "pom",
            "sse-servlet", "jar",
            "sse-jaxrs", "jar",
            "sse-redis", "jar",
            "sse-conformance", "jar");
    /** The reactor directories that hold them (the parent is the root, "."). */
    private static final List<String> BUILT = List.of(".", "ssekit-bom", "sse-servlet", "sse-jaxrs", "sse-redis",
            "conformance-tests");

    private static String version;
    private static Path staged;

    @BeforeAll
    static void stageARelease() throws Exception {
        Path root = Path.of(System.getProperty("release.check.root")).toRealPath();
        Path work = Path.of(System.getProperty("release.check.work"));
        String snapshot = System.getProperty("release.check.version");
        version = snapshot.replace("-SNAPSHOT", "");
        deleteTree(work);
        Path copy = work.resolve("src");
        copySources(root, copy, snapshot, version);

        Path staging = work.resolve("staging");
        Path log = work.resolve("mvn.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("release.check.maven"), "bin", "mvn").toString(),
                // Never -o: deploy refuses to run offline. Everything it needs is in the local
                // repository once this build has run, so nothing is downloaded but plugins.
                // The copy has no .ci/ scripts; the build that made it checked its licence headers.
                "-B", "-ntp", "-nsu", "-q", "-Prelease", "-Dmaven.install.skip=true", "-DskipTests", "-Dlicense.check.off",
                "-Drelease.staging=" + staging,
                "-pl", String.join(",", BUILT), "deploy"));
        Process mvn = new ProcessBuilder(command).directory(copy.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = mvn.waitFor(8, TimeUnit.MINUTES);
        if (!done) {
            mvn.destroyForcibly();
        }
        assertThat(done && mvn.exitValue() == 0)
                .as("mvn -Prelease deploy in %s (log %s):%n%s", copy, log, tail(log))
                .isTrue();
        staged = staging.resolve("org/ssekit");
    }

    /** Deploy caches the staging repository's maven-metadata in the local one: take it out. */
    @AfterAll
    static void tidyTheLocalRepository() throws IOException {
        Path local = Path.of(System.getProperty("release.check.local-repository"), "org", "ssekit");
        for (String artifact : PUBLISHED.keySet()) {
            Path dir = local.resolve(artifact);
            Files.deleteIfExists(dir.resolve("maven-metadata-ssekit-staging.xml"));
            Path status = dir.resolve("resolver-status.properties");
            if (Files.exists(status)) {
                List<String> kept = Files.readAllLines(status).stream()
                        .filter(line -> !line.contains("ssekit-staging")).toList();
                if (kept.stream().allMatch(line -> line.startsWith("#"))) {
                    Files.delete(status);
                } else {
                    Files.write(status, kept);
                }
            }
            try (Stream<Path> left = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
                if (Files.exists(dir) && left.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    @Test
    void theSharedLocalRepositoryGetsNothing() {
        Path local = Path.of(System.getProperty("release.check.local-repository"), "org", "ssekit");
        for (String artifact : PUBLISHED.keySet()) {
            assertThat(local.resolve(artifact).resolve(version)).as("installed by the release profile").doesNotExist();
        }
    }

    @Test
    void stagesThePublishedArtifactsAndNothingElse() throws IOException {
        try (Stream<Path> dirs = Files.list(staged)) {
            assertThat(dirs.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(new TreeSet<>(PUBLISHED.keySet()));
        }
    }

    @Test
    void everyArtifactHasItsPomJarSourcesJavadocAndChecksums() throws IOException {
        for (Map.Entry<String, String> artifact : new TreeMap<>(PUBLISHED).entrySet()) {
            String base = artifact.getKey() + "-" + version;
            Path dir = staged.resolve(artifact.getKey()).resolve(version);
            List<String> expected = new ArrayList<>(List.of(base + ".pom"));
            if (artifact.getValue().equals("jar")) {
                expected.addAll(List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar"));
            }
            for (String name : expected) {
                Path file = dir.resolve(name);
                assertThat(file).as(name).isRegularFile();
                assertThat(read(dir.resolve(name + ".sha1"))).as(name + ".sha1").isEqualTo(digest("SHA-1", file));
                assertThat(read(dir.resolve(name + ".md5"))).as(name + ".md5").isEqualTo(digest("MD5", file));
            }
            if (artifact.getValue().equals("jar")) {
                assertThat(entries(dir.resolve(base + "-sources.jar"))).as(base + "-sources.jar")
                        .anyMatch(e -> e.endsWith(".java"));
                assertThat(entries(dir.resolve(base + "-javadoc.jar"))).as(base + "-javadoc.jar")
                        .contains("index.html");
                assertThat(entries(dir.resolve(base + ".jar"))).as(base + ".jar")
                        .anyMatch(e -> e.endsWith(".class"));
            }
        }
    }

    @ParameterizedTest(name = "{0} is the module {1} ({2})")
    @CsvSource({
            "sse-servlet, org.ssekit, explicit",
            "sse-conformance, org.ssekit.conformance, explicit",
            "sse-redis, org.ssekit.redis, explicit",
            // Jersey 3.1 and RESTEasy 6.2 have no stable module names to require: see its pom.
            "sse-jaxrs, org.ssekit.jaxrs, automatic"})
    void everyJarHasAStableModuleName(String artifact, String module, String kind) {
        Path jar = staged.resolve(artifact).resolve(version).resolve(artifact + "-" + version + ".jar");
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        assertThat(found).hasSize(1);
        ModuleDescriptor descriptor = found.iterator().next().descriptor();
        assertThat(descriptor.name()).isEqualTo(module);
        assertThat(descriptor.isAutomatic()).isEqualTo(kind.equals("automatic"));
    }

    @Test
    void everyPomCarriesTheMetadataCentralRequires() throws Exception {
        Document parent = pom("ssekit-parent");
        for (String artifact : new TreeSet<>(PUBLISHED.keySet())) {
            Document pom = pom(artifact);
            Element project = pom.getDocumentElement();
            assertThat(text(project, "artifactId")).isEqualTo(artifact);
            assertThat(text(project, "name")).as(artifact + " name").isNotBlank();
            assertThat(text(project, "description")).as(artifact + " description").isNotBlank();
            // Either its own or, for the modules, inherited from ssekit-parent.
            Element holder = project;
            if (child(project, "parent") != null) {
                assertThat(text(child(project, "parent"), "artifactId")).isEqualTo("ssekit-parent");
                assertThat(text(child(project, "parent"), "version")).isEqualTo(version);
                holder = child(project, "url") != null ? project : parent.getDocumentElement();
            }
            assertThat(text(holder, "url")).as(artifact + " url").startsWith("https://");
            Element license = child(child(holder, "licenses"), "license");
            assertThat(text(license, "name")).as(artifact + " licence").isEqualTo("Apache-2.0");
            assertThat(text(license, "url")).contains("apache.org/licenses/LICENSE-2.0");
            Element scm = child(holder, "scm");
            assertThat(text(scm, "connection")).as(artifact + " scm").startsWith("scm:git:");
            assertThat(text(scm, "url")).startsWith("https://");
            Element developer = child(child(holder, "developers"), "developer");
            assertThat(text(developer, "name")).as(artifact + " developer").isNotBlank();
            assertThat(text(child(holder, "issueManagement"), "url")).as(artifact + " issues").startsWith("https://");
        }
    }

    @Test
    void theBomListsThePublishedJarsAtTheReleaseVersionAndHasNoParent() throws Exception {
        Element project = pom("ssekit-bom").getDocumentElement();
        assertThat(child(project, "parent")).as("a BOM with a parent exports the parent's management").isNull();
        Element management = child(child(project, "dependencyManagement"), "dependencies");
        List<String> listed = new ArrayList<>();
        for (Node n = management.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element dependency) {
                assertThat(text(dependency, "groupId")).isEqualTo("org.ssekit");
                assertThat(text(dependency, "version")).isIn(version, "${project.version}");
                listed.add(text(dependency, "artifactId"));
            }
        }
        assertThat(listed).containsExactlyInAnyOrder("sse-servlet", "sse-jaxrs", "sse-redis", "sse-conformance");
    }

    private static Document pom(String artifact) throws Exception {
        Path file = staged.resolve(artifact).resolve(version).resolve(artifact + "-" + version + ".pom");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(e -> e.getName()).toList();
        }
    }

    private static String read(Path file) throws IOException {
        assertThat(file).isRegularFile();
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    private static String digest(String algorithm, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The poms of every reactor module (a reactor needs them all), the whole of the built ones,
     * and the licence; no build output. The version becomes the release version.
     */
    private static void copySources(Path root, Path copy, String from, String to) throws IOException {
        Files.createDirectories(copy);
        Files.copy(root.resolve("LICENSE"), copy.resolve("LICENSE"));
        copyPom(root.resolve("pom.xml"), copy.resolve("pom.xml"), from, to);
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).toList()) {
                Path target = copy.resolve(module.getFileName().toString());
                copyPom(module.resolve("pom.xml"), target.resolve("pom.xml"), from, to);
                Path src = module.resolve("src");
                if (!BUILT.contains(module.getFileName().toString()) || !Files.isDirectory(src)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(src)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Path to2 = target.resolve(module.relativize(file).toString());
                        Files.createDirectories(to2.getParent());
                        Files.copy(file, to2);
                    }
                }
            }
        }
    }

    private static void copyPom(Path pom, Path target, String from, String to) throws IOException {
        Files.createDirectories(target.getParent());
        Files.writeString(target, Files.readString(pom).replace(
                "<version>" + from + "</version>", "<version>" + to + "</version>"));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
