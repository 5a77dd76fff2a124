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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of one run against one target.
 *
 * @param target   the base URL checked
 * @param fixture  whether the target exposed the conformance fixture
 * @param profiles the profiles the fixture declared (empty without a fixture)
 * @param started  when the run started
 * @param duration how long it took
 * @param results  one result per selected case, in checklist order
 */
public record Report(URI target, boolean fixture, List<String> profiles, Instant started, Duration duration,
                     List<CaseResult> results) {
    /** Copies the lists. */
    public Report {
        Objects.requireNonNull(target, "target");
        profiles = List.copyOf(profiles);
        results = List.copyOf(results);
    }

    /** How many cases got each verdict; every verdict is present. */
    public Map<Verdict, Integer> summary() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0);
        }
        results.forEach(result -> counts.merge(result.verdict(), 1, Integer::sum));
        return counts;
    }

    /** Whether the run passes: no FAILED, and under {@code strict} no NON-STRICT either. */
    public boolean passed(boolean strict) {
        return results.stream().noneMatch(result -> result.verdict().fails(strict));
    }

    /** The result of a case, by id. */
    public Optional<CaseResult> result(String id) {
        return results.stream().filter(result -> result.id().equals(id)).findFirst();
    }

    /** The verdict of a case, by id. */
    public Optional<Verdict> verdict(String id) {
        return result(id).map(CaseResult::verdict);
    }

    /** The one-line summary: {@code 40 cases: 30 OK, 2 NON-STRICT, ...}. */
    public String summaryLine() {
        StringBuilder out = new StringBuilder().append(results.size()).append(" cases:");
        summary().forEach((verdict, count) -> out.append(' ').append(count).append(' ').append(verdict.label()).append(','));
        out.setLength(out.length() - 1);
        return out.append(" (").append(duration.toMillis()).append(" ms)").toString();
    }
}
