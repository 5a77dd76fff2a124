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
package org.ssekit.jaxrs.internal;

import jakarta.ws.rs.core.FeatureContext;

/**
 * Picks how the runtime that runs the application hands resources the ssekit sink: through
 * Jersey's or RESTEasy's integration; on any other runtime, or when RESTEasy's classes are not
 * visible, resources keep the runtime's own sink and one warning says so. Stateless; safe from
 * any thread.
 */
public final class RuntimeIntegration {
    private static final System.Logger LOG = System.getLogger(RuntimeIntegration.class.getName());

    private RuntimeIntegration() {
    }

    /**
     * Registers the sink integration for the runtime of {@code context}; never fails deployment.
     *
     * @return whether resources now get the ssekit sink
     */
    public static boolean register(FeatureContext context, SinkOpener opener, PreflightFilter preflight) {
        if (JerseyIntegration.runs(context)) {
            JerseyIntegration.register(context, opener);
            return true;
        }
        return switch (ResteasyIntegration.presence(context)) {
            case USABLE -> {
                ResteasyIntegration.register(context, opener, preflight);
                yield true;
            }
            case HIDDEN -> keepRuntimeSink("RESTEasy runs this application, but its classes are not visible "
                    + "to ssekit (the server keeps them from applications)");
            case ABSENT -> keepRuntimeSink("this JAX-RS runtime (" + context.getConfiguration().getClass().getName()
                    + ") is neither Jersey nor RESTEasy");
        };
    }

    private static boolean keepRuntimeSink(String reason) {
        LOG.log(System.Logger.Level.WARNING, "ssekit: " + reason + "; resources get the runtime's own "
                + "SseEventSink, without ssekit's heartbeats, queue, resume or connection cap");
        return false;
    }
}
