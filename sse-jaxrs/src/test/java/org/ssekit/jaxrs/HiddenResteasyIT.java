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
package org.ssekit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.junit.jupiter.api.Test;
import org.ssekit.SseConfig;

/**
 * A server that keeps RESTEasy's classes from its applications, as Open Liberty may: ssekit,
 * loaded by the application's class loader, cannot use them. The application still deploys,
 * the feature says why in one warning, and resources get RESTEasy's own sink. RESTEasy's alone
 * (the pom keeps it out of the Jersey run).
 */
class HiddenResteasyIT {
    private static final Logger INTEGRATION_LOG = Logger.getLogger("org.ssekit.jaxrs.internal.RuntimeIntegration");

    @Path("plain")
    public static final class PlainResource {
        @GET
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void events(@Context SseEventSink sink, @Context Sse sse) {
            sink.send(sse.newEvent("from the runtime's sink")).thenRun(() -> SinkBasicsIT.closeSink(sink));
        }
    }

    /** The application's class loader: its own copy of sse-jaxrs, and no RESTEasy class. */
    private static final class HidingClassLoader extends URLClassLoader {
        HidingClassLoader(URL jaxrsClasses, ClassLoader parent) {
            super(new URL[] {jaxrsClasses}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.jboss.resteasy.")) {
                throw new ClassNotFoundException(name + " is the server's, hidden from applications");
            }
            if (!name.startsWith("org.ssekit.jaxrs.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    private static Feature applicationsOwnFeature(ClassLoader application) throws ReflectiveOperationException {
        try {
            return (Feature) application.loadClass(SseKitFeature.class.getName())
                    .getMethod("create", SseConfig.class).invoke(null, SseConfig.defaults());
        } catch (InvocationTargetException e) {
            throw new AssertionError("SseKitFeature.create failed", e.getCause());
        }
    }

    @Test
    void theApplicationDeploysAndItsResourcesKeepTheRuntimesSink() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler recorder = recorder(warnings);
        INTEGRATION_LOG.addHandler(recorder);
        URL jaxrsClasses = SseKitFeature.class.getProtectionDomain().getCodeSource().getLocation();
        try (HidingClassLoader application = new HidingClassLoader(jaxrsClasses, getClass().getClassLoader())) {
            Feature feature = applicationsOwnFeature(application);
            assertThat(feature.getClass()).as("the application's copy").isNotEqualTo(SseKitFeature.class);
            assertThat(feature.getClass().getMethod("isActive").invoke(feature)).as("active before deployment").isEqualTo(false);
            Application app = new Application() {
                @Override
                public Set<Object> getSingletons() {
                    return Set.of(feature, new PlainResource());
                }
            };
            try (JaxrsJetty jetty = JaxrsJetty.start(app);
                    EventClient client = EventClient.get(jetty.uri("/plain"))) {
                assertThat(client.status()).isEqualTo(200);
                assertThat(client.nextEvent().data()).isEqualTo("from the runtime's sink");
                client.awaitEnd();
                assertThat(client.rawText()).as("no ssekit opening comment").doesNotStartWith(":");
                assertThat(feature.getClass().getMethod("isActive").invoke(feature)).as("active").isEqualTo(false);
            } finally {
                ((AutoCloseable) feature).close();
            }
        } finally {
            INTEGRATION_LOG.removeHandler(recorder);
        }
        assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
                .contains("RESTEasy runs this application, but its classes are not visible")
                .contains("the runtime's own SseEventSink");
    }

    private static Handler recorder(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
                // kept in memory
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
