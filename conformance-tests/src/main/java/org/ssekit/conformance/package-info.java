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
