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
 * The SSE conformance suite: checks any Server-Sent Events server over HTTP, the way h2spec
 * checks HTTP/2 servers.
 *
 * <p>From code, one call runs every case of the checklist and returns a {@link
 * org.ssekit.conformance.Report}:
 *
 * <pre>{@code
 * Report report = Conformance.run(URI.create("http://127.0.0.1:8080/conformance/servlet"), Options.defaults());
 * ReportFiles.write(report, Path.of("target/sse-conformance"), false);
 * assertThat(report.passed(false)).as(report.summaryLine()).isTrue();
 * }</pre>
 *
 * <p>From a shell: {@code java -jar sse-conformance.jar [--strict] [--only ID,...] [--report DIR] BASE_URL}
 * ({@link org.ssekit.conformance.Main}). From another project's JUnit 5 build:
 * {@link org.ssekit.conformance.ConformanceTests} with {@code -Dsse.url=BASE_URL}.
 *
 * <p>{@link org.ssekit.conformance.Cases} lists the cases with their ids, levels and the rules
 * they quote; a {@link org.ssekit.conformance.Verdict} is OK, NON-STRICT, INFORMATIONAL,
 * UNIMPLEMENTED or FAILED.
 */
package org.ssekit.conformance;
