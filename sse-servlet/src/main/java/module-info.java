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
/**
 * ssekit: Server-Sent Events for Jakarta EE. {@link org.ssekit} is the container-neutral core,
 * {@link org.ssekit.servlet} the Servlet 6 binding.
 */
module org.ssekit {
    requires jakarta.servlet;
    requires java.management;
    requires java.naming;
    // Optional: used only when the application has them (SseMeterBinder, JsonData).
    requires static micrometer.core;
    requires static jakarta.json.bind;

    exports org.ssekit;
    exports org.ssekit.servlet;
    exports org.ssekit.micrometer;
    // The JAX-RS binding drives the same queue and heartbeat machinery.
    exports org.ssekit.internal to org.ssekit.jaxrs;
    exports org.ssekit.servlet.internal to org.ssekit.jaxrs;

    // Shared logs (sse-redis) plug in by configuration alone.
    uses org.ssekit.EventLogProvider;
}
