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
package org.ssekit.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssekit.SseEvent;

/**
 * Runs on the module path only (surefire execution "module-path" in sse-servlet/pom.xml):
 * org.ssekit is a named module whose exports are the API packages, and whose every required
 * module has a stable name (a module-info or an Automatic-Module-Name, never a file name).
 * A new export or a new {@code requires} in module-info.java shows up here.
 */
class ModulePathTest {
    private static final Module ORG_SSEKIT = SseEvent.class.getModule();

    @Test
    void orgSsekitIsLoadedAsANamedExplicitModule() {
        assertThat(ORG_SSEKIT.isNamed()).as("loaded from the module path").isTrue();
        assertThat(ORG_SSEKIT.getName()).isEqualTo("org.ssekit");
        assertThat(ORG_SSEKIT.getDescriptor().isAutomatic()).isFalse();
    }

    @ParameterizedTest(name = "{0}: exported to {1}")
    @CsvSource({
            "org.ssekit, everyone",
            "org.ssekit.servlet, everyone",
            "org.ssekit.micrometer, everyone",
            "org.ssekit.internal, org.ssekit.jaxrs",
            "org.ssekit.servlet.internal, org.ssekit.jaxrs"})
    void exportsTheApiToEveryoneAndTheInternalsToTheJaxrsBindingOnly(String pkg, String to) {
        Map<String, String> exports = new TreeMap<>();
        for (ModuleDescriptor.Exports e : ORG_SSEKIT.getDescriptor().exports()) {
            exports.put(e.source(), e.isQualified() ? String.join(",", new java.util.TreeSet<>(e.targets())) : "everyone");
        }
        assertThat(exports).containsEntry(pkg, to);
        assertThat(ORG_SSEKIT.isExported(pkg)).isEqualTo(to.equals("everyone"));
    }

    @Test
    void exportsNothingElse() {
        Set<String> exported = ORG_SSEKIT.getDescriptor().exports().stream()
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(exported).containsExactlyInAnyOrder(
                "org.ssekit", "org.ssekit.servlet", "org.ssekit.micrometer", "org.ssekit.internal",
                "org.ssekit.servlet.internal");
        assertThat(ORG_SSEKIT.getDescriptor().opens()).isEmpty();
    }

    @Test
    void everyRequiredModuleHasAStableName() throws IOException {
        Set<String> required = ORG_SSEKIT.getDescriptor().requires().stream()
                .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(required).contains("jakarta.servlet");
        // Static ones too, which the boot layer need not resolve: look them up on the module path.
        Path[] modulePath = Arrays.stream(System.getProperty("jdk.module.path", "").split(File.pathSeparator))
                .filter(p -> !p.isEmpty()).map(Path::of).toArray(Path[]::new);
        ModuleFinder finder = ModuleFinder.compose(ModuleFinder.ofSystem(), ModuleFinder.of(modulePath));
        for (String name : required) {
            ModuleReference module = finder.find(name).orElseThrow(
                    () -> new AssertionError(name + " is not on the module path"));
            assertThat(stableName(module)).as("%s (%s): a module-info or an Automatic-Module-Name, not a file name",
                    name, module.location().orElse(null)).isEqualTo(name);
        }
    }

    /** The name the module declares (module-info or manifest); null when it is derived from the file name. */
    private static String stableName(ModuleReference module) throws IOException {
        ModuleDescriptor descriptor = module.descriptor();
        if (!descriptor.isAutomatic()) {
            return descriptor.name();
        }
        URI location = module.location().orElseThrow();
        try (JarFile jar = new JarFile(new File(location))) {
            Manifest manifest = jar.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Automatic-Module-Name");
        }
    }
}
