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
 * The SSE conformance suite: {@link org.ssekit.conformance} is the entry (library, CLI, JUnit
 * factory), {@link org.ssekit.conformance.client} the wire client and reference parser,
 * {@link org.ssekit.conformance.checks} the checks by area. Implementation packages are not
 * exported.
 */
module org.ssekit.conformance {
    requires jakarta.json;
    requires org.eclipse.jetty.http2.client;
    requires org.eclipse.jetty.http2.common;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.util;
    // Only ConformanceTests uses JUnit; a project that runs it brings its own.
    requires static transitive org.junit.jupiter.api;
    requires static org.opentest4j;

    exports org.ssekit.conformance;
    exports org.ssekit.conformance.client;
    exports org.ssekit.conformance.checks;
    opens org.ssekit.conformance to org.junit.platform.commons;
}
