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
package org.ssekit.conformance.checks;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssekit.conformance.CaseResult;
import org.ssekit.conformance.Check;
import org.ssekit.conformance.ConformanceCase;
import org.ssekit.conformance.Target;
import org.ssekit.conformance.Verdict;
import org.ssekit.conformance.client.HttpExchange;
import org.ssekit.conformance.client.WireLog;

/** The common part of every area: a table of case bodies by id, run with a fresh wire log each. */
abstract class AreaCheck implements Check {
    private static final System.Logger LOG = System.getLogger(AreaCheck.class.getName());

    /** The body of one case. */
    interface CaseBody {
        Outcome run(Probe probe) throws IOException, InterruptedException;
    }

    private final Map<String, CaseBody> bodies = new LinkedHashMap<>();

    /** Registers the body of a case. */
    final void define(String id, CaseBody body) {
        bodies.put(id, body);
    }

    @Override
    public final List<String> caseIds() {
        return List.copyOf(bodies.keySet());
    }

    @Override
    public final CaseResult run(ConformanceCase conformanceCase, Target target) {
        CaseBody body = bodies.get(conformanceCase.id());
        if (body == null) {
            throw new IllegalArgumentException("not a case of " + getClass().getSimpleName() + ": " + conformanceCase.id());
        }
        WireLog log = WireLog.create();
        long start = System.nanoTime();
        Outcome outcome;
        try (Probe probe = new Probe(conformanceCase, target, log)) {
            outcome = body.run(probe);
        } catch (IOException e) {
            log.note("suite", "I/O failure: " + HttpExchange.describe(e));
            outcome = new Outcome(conformanceCase.level().violation(), "the exchanges of this case complete",
                    "I/O failure: " + HttpExchange.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new Outcome(Verdict.UNIMPLEMENTED, "the case runs to the end", "interrupted");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "case " + conformanceCase.id() + " broke", e);
            outcome = new Outcome(conformanceCase.level().violation(), "the case runs to the end",
                    "unexpected response: " + HttpExchange.describe(e));
        }
        return new CaseResult(conformanceCase, outcome.verdict(), outcome.expected(), outcome.actual(),
                log.render(), Duration.ofNanos(System.nanoTime() - start));
    }
}
