package org.ssekit.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolvedModule;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssekit.SseEvent;

/**
 * Runs on the module path only (surefire execution "module-path" in sse-servlet/pom.xml):
 * org.ssekit is a named module whose exports are the API packages, and whose every required
 * module has a stable name (a module-info or an Automatic-Module-Name, never a file name).
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
                "org.ssekit", "org.ssekit.servlet", "org.ssekit.internal", "org.ssekit.servlet.internal");
        assertThat(ORG_SSEKIT.getDescriptor().opens()).isEmpty();
    }

    @Test
    void everyRequiredModuleHasAStableName() {
        Set<String> required = ORG_SSEKIT.getDescriptor().requires().stream()
                .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(required).contains("jakarta.servlet");
        for (String name : required) {
            ResolvedModule module = ORG_SSEKIT.getLayer().configuration().findModule(name).orElseThrow(
                    () -> new AssertionError(name + " is not on the module path"));
            ModuleDescriptor descriptor = module.reference().descriptor();
            assertThat(descriptor.isAutomatic())
                    .as("%s (%s) is an automatic module: its name may come from its file name", name,
                            module.reference().location().orElse(null))
                    .isFalse();
        }
    }
}
