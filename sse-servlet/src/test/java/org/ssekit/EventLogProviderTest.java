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
package org.ssekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EventLogProvider#find}: a provider the web application's loader cannot use (the server
 * holds it beside no core, or beside another copy of the core) is skipped, so the application
 * still starts, with the next provider or the in-memory log.
 */
class EventLogProviderTest {
    private static final String SERVICES = "META-INF/services/" + EventLogProvider.class.getName();

    /** A provider that always makes an in-memory log. */
    public static final class Always implements EventLogProvider {
        @Override
        public Optional<EventLog> create(String name, Function<String, String> settings) {
            return Optional.of(EventLog.inMemory());
        }
    }

    @TempDir
    Path dir;

    @Test
    void aProviderWhoseLoaderSeesNoCoreIsSkipped() throws Exception {
        // The provider's class file under a loader whose parent is the platform's: no org.ssekit there.
        listProvider(Always.class.getName());
        copyClassFile(Always.class);
        try (URLClassLoader serverLib = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThat(findWithContext(serverLib)).isEmpty();
        }
    }

    @Test
    void aProviderWhoseClassIsMissingIsSkipped() throws Exception {
        listProvider("org.example.NoSuchProvider");
        try (URLClassLoader app = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(findWithContext(app)).isEmpty();
        }
    }

    @Test
    void aUsableProviderAfterABrokenOneMakesTheLog() throws Exception {
        listProvider("org.example.NoSuchProvider\n" + Always.class.getName());
        try (URLClassLoader app = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(findWithContext(app)).isPresent();
        }
    }

    private void listProvider(String lines) throws IOException {
        Path services = dir.resolve(SERVICES);
        Files.createDirectories(services.getParent());
        Files.writeString(services, lines + "\n");
    }

    private void copyClassFile(Class<?> type) throws IOException {
        String file = type.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getClassLoader().getResourceAsStream(file)) {
            Files.copy(in, target);
        }
    }

    private static Optional<EventLog> findWithContext(ClassLoader context) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(context);
        try {
            return EventLogProvider.find("test", name -> null);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
