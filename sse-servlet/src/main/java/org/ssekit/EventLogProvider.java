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

import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Makes an {@link EventLog} from configuration alone, so a binding (the servlet filter, the
 * JAX-RS feature) can use a shared log, such as {@code sse-redis}'s, without depending on it:
 * drop the provider's jar next to the core and set its properties, such as
 * {@code ssekit.redis.uri=redis://redis:6379}.
 *
 * <p>Providers are found with {@link ServiceLoader} ({@code META-INF/services/org.ssekit.EventLogProvider}
 * on the class path, {@code provides} in a module). {@link #find} asks each in turn; the first
 * that recognizes its settings makes the log.
 *
 * <p>Thread safety: implementations must be safe for calls from any thread.
 */
public interface EventLogProvider {

    /**
     * The log {@code settings} ask for, or empty when they do not name this provider's store
     * (for sse-redis: when {@code ssekit.redis.uri} is unset).
     *
     * @param name the broadcaster's name (a filter name, say): the default name of its log
     * @param settings looks up a setting by its full name ({@code ssekit.redis.uri}); null when unset
     * @throws IllegalArgumentException naming the setting whose value is invalid
     */
    Optional<EventLog> create(String name, Function<String, String> settings);

    /**
     * The log made by the first provider that recognizes {@code settings}, looked up with the
     * thread's context class loader (a web application's), then with the core's; empty when none.
     *
     * @throws IllegalArgumentException naming the setting whose value is invalid
     */
    static Optional<EventLog> find(String name, Function<String, String> settings) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, EventLogProvider.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            Iterator<EventLogProvider> providers = ServiceLoader.load(EventLogProvider.class, loader).iterator();
            for (int errors = 0; errors < 16;) {
                EventLogProvider p;
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    p = providers.next();
                } catch (ServiceConfigurationError | LinkageError e) {
                    // A provider seen through a parent loader but built against another copy of the
                    // core (a jar on the server's class path beside one in WEB-INF/lib), or with no
                    // core beside it there at all (NoClassDefFoundError): not ours.
                    System.getLogger(EventLogProvider.class.getName()).log(System.Logger.Level.DEBUG,
                            "skipping an event log provider: {0}", String.valueOf(e));
                    errors++;
                    continue;
                }
                Optional<EventLog> log = p.create(name, settings);
                if (log.isPresent()) {
                    return log;
                }
            }
        }
        return Optional.empty();
    }
}
