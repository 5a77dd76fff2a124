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
package org.ssekit.conformance.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ssekit.conformance.Cases;
import org.ssekit.conformance.ConformanceCase;
import org.ssekit.conformance.Verdict;

/**
 * The committed verdicts each peer is expected to get, one row per case, one column per peer
 * (tab-separated, {@code #} starts a comment). A cell lists one verdict, or several joined by
 * {@code |} for a case whose verdict depends on timing; any of them is accepted. A new case, a
 * changed check or a changed peer shows as a difference, never silently.
 */
final class ExpectedVerdicts {
    private final List<String> peers;
    private final Map<String, Map<String, Set<Verdict>>> byCase;

    private ExpectedVerdicts(List<String> peers, Map<String, Map<String, Set<Verdict>>> byCase) {
        this.peers = peers;
        this.byCase = byCase;
    }

    /** Reads the table. */
    static ExpectedVerdicts read(Path file) throws IOException {
        List<String> peers = null;
        Map<String, Map<String, Set<Verdict>>> byCase = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (peers == null) {
                peers = List.of(cells).subList(1, cells.length);
                continue;
            }
            if (cells.length != peers.size() + 1) {
                throw new IllegalArgumentException(file + ": row " + cells[0] + " has " + (cells.length - 1)
                        + " cells for " + peers.size() + " peers");
            }
            Map<String, Set<Verdict>> row = new LinkedHashMap<>();
            for (int i = 0; i < peers.size(); i++) {
                Set<Verdict> accepted = new LinkedHashSet<>();
                for (String label : cells[i + 1].split("\\|")) {
                    accepted.add(verdict(label.trim(), file, cells[0]));
                }
                row.put(peers.get(i), accepted);
            }
            byCase.put(cells[0], row);
        }
        if (peers == null) {
            throw new IllegalArgumentException(file + " has no header row");
        }
        return new ExpectedVerdicts(peers, byCase);
    }

    private static Verdict verdict(String label, Path file, String id) {
        for (Verdict verdict : Verdict.values()) {
            if (verdict.label().equals(label)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException(file + ": row " + id + ": unknown verdict '" + label + "'");
    }

    /** The peers (column keys) of the table. */
    List<String> peers() {
        return peers;
    }

    /** The verdicts accepted for a peer's case; empty when the table has no such row or column. */
    Set<Verdict> accepted(String peer, String id) {
        return byCase.getOrDefault(id, Map.of()).getOrDefault(peer, Set.of());
    }

    /** Every difference between the table and a peer's report, one line each; empty when they agree. */
    List<String> differences(String peer, ReportFile report) {
        List<String> differences = new ArrayList<>();
        if (!peers.contains(peer)) {
            differences.add(peer + ": no column in the expected table");
            return differences;
        }
        for (ConformanceCase c : Cases.all()) {
            Set<Verdict> accepted = accepted(peer, c.id());
            String actual = report.verdicts().getOrDefault(c.id(), "(not run)");
            if (accepted.stream().noneMatch(v -> v.label().equals(actual))) {
                differences.add(peer + " " + c.id() + ": expected " + (accepted.isEmpty() ? "(no row)" : join(accepted))
                        + ", got " + actual + " -- " + report.actuals().getOrDefault(c.id(), ""));
            }
        }
        byCase.keySet().stream().filter(id -> Cases.byId(id).isEmpty())
                .forEach(id -> differences.add(peer + " " + id + ": in the expected table but not a case of the suite"));
        return differences;
    }

    /** The table with the given peers' columns taken from their reports (timing marks kept where still met). */
    static String rewrite(ExpectedVerdicts old, Map<String, ReportFile> reports) {
        List<String> peers = new ArrayList<>(old == null ? List.of() : old.peers);
        reports.keySet().stream().filter(p -> !peers.contains(p)).forEach(peers::add);
        StringBuilder out = new StringBuilder(HEADER).append("case");
        peers.forEach(p -> out.append('\t').append(p));
        out.append('\n');
        for (ConformanceCase c : Cases.all()) {
            out.append(c.id());
            for (String peer : peers) {
                Set<Verdict> kept = old == null ? Set.of() : old.accepted(peer, c.id());
                ReportFile report = reports.get(peer);
                String actual = report == null ? null : report.verdicts().get(c.id());
                boolean keep = report == null || (kept.size() > 1 && kept.stream().anyMatch(v -> v.label().equals(actual)));
                out.append('\t').append(keep ? join(kept) : String.valueOf(actual));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static final String HEADER = """
            # The verdicts each peer gets from the suite, checked by PeersIT (a difference fails it).
            # A cell with several verdicts joined by | is a case whose verdict depends on timing
            # (load, scheduling); any of them is accepted. Rewrite a column after a deliberate change with
            # -Dpeers.expected=update and review the diff.
            """;

    private static String join(Set<Verdict> verdicts) {
        return String.join("|", verdicts.stream().map(Verdict::label).toList());
    }

}
