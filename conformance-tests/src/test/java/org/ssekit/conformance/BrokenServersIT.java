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
package org.ssekit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ssekit.conformance.fixture.Fault;
import org.ssekit.conformance.fixture.FixtureServer;
import org.ssekit.conformance.fixture.RawH2cServer;

/**
 * The suite must be able to fail: each deliberately broken server fails the case that
 * guards the rule it breaks, while the correct reference fixture passes the same case
 * (ReferenceFixtureIT runs them all against it).
 */
class BrokenServersIT {

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("FRM-05", Fault.DATA_SPLIT_ON_LF_ONLY, Verdict.FAILED),
                Arguments.of("FRM-06", Fault.NO_SPACE_AFTER_DATA, Verdict.FAILED),
                Arguments.of("CORS-02", Fault.WILDCARD_WITH_CREDENTIALS, Verdict.FAILED),
                Arguments.of("CORS-04", Fault.WILDCARD_WITH_CREDENTIALS, Verdict.FAILED),
                Arguments.of("HB-01", Fault.NO_HEARTBEAT, Verdict.NON_STRICT),
                Arguments.of("RES-02", Fault.REPLAY_GAP, Verdict.FAILED),
                Arguments.of("RES-02", Fault.REPLAY_DUPLICATE, Verdict.FAILED),
                Arguments.of("CLS-01", Fault.TERMINATE_200, Verdict.FAILED),
                Arguments.of("HDR-03", Fault.CHARSET_LATIN1, Verdict.FAILED),
                Arguments.of("BAD-01", Fault.HUGE_ID_500, Verdict.FAILED),
                Arguments.of("CLS-04", Fault.UNBOUNDED_QUEUE, Verdict.NON_STRICT),
                Arguments.of("H-04", Fault.H2_SLOW_CONSUMER_CLOSES_CONNECTION, Verdict.NON_STRICT));
    }

    /** Each broken server is judged this many times in a row, and must get the same verdict each time. */
    private static final int RUNS = 3;

    @ParameterizedTest(name = "{0} is {2} with fault {1}, " + RUNS + " runs in a row")
    @MethodSource("faults")
    void caseCatchesTheFault(String id, Fault fault, Verdict expected) throws Exception {
        try (FixtureServer broken = FixtureServer.reference(Set.of(fault));
             FixtureServer reference = FixtureServer.reference(Set.of())) {
            for (int run = 1; run <= RUNS; run++) {
                Report bad = run(broken, Set.of(id));
                assertThat(bad.verdict(id)).as("run %d: %s", run, bad.result(id).orElseThrow().actual())
                        .contains(expected);
                assertThat(bad.passed(true)).isFalse();
                Report good = run(reference, Set.of(id));
                assertThat(good.verdict(id)).as("run %d: %s", run, good.result(id).orElseThrow().actual())
                        .contains(Verdict.OK);
            }
        }
    }

    /**
     * CLS-04 used to count all streams of the server, so a stream of another case closing
     * during its count made a server that never cuts a stalled client pass. Run beside the
     * cases whose streams end around it, it must still catch that server every time, and
     * pass the reference fixture every time.
     */
    @Test
    void cls04CatchesAnUnboundedQueueBesideOtherCasesStreams() throws Exception {
        Set<String> cases = Set.of("CLS-02", "CLS-03", "CLS-04", "LOAD-03");
        try (FixtureServer broken = FixtureServer.reference(Set.of(Fault.UNBOUNDED_QUEUE));
             FixtureServer reference = FixtureServer.reference(Set.of())) {
            for (int run = 1; run <= RUNS; run++) {
                Report bad = run(broken, cases);
                assertThat(bad.verdict("CLS-04")).as("run %d: %s", run, bad.result("CLS-04").orElseThrow().actual())
                        .contains(Verdict.NON_STRICT);
                Report good = run(reference, cases);
                for (String id : cases) {
                    assertThat(good.verdict(id)).as("run %d %s: %s", run, id, good.result(id).orElseThrow().actual())
                            .contains(Verdict.OK);
                }
            }
        }
    }

    @Test
    void h02FailsWithAConnectionHeaderOnHttp2() throws Exception {
        try (RawH2cServer broken = RawH2cServer.start()) {
            Report report = Conformance.run(broken.url(), Options.builder().only(Set.of("H-02")).build());
            CaseResult result = report.result("H-02").orElseThrow();
            assertThat(result.verdict()).as(result.actual() + "\n" + result.wireLog()).isEqualTo(Verdict.FAILED);
            assertThat(result.actual()).containsIgnoringCase("Connection specific field");
            assertThat(report.fixture()).isFalse();
        }
    }

    private static Report run(FixtureServer server, Set<String> ids) {
        return Conformance.run(server.base(), Options.builder().only(ids).build());
    }
}
