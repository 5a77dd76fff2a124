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
package org.ssekit.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Every figure of an invocation, per run; medians over runs, and ratios between two stacks
 * taken run by run (so both sides of a ratio come from the same run) before the median.
 *
 * <p>Thread safety: not thread-safe.
 */
public final class Results {
    /** One figure of one stack in one run. */
    public record Figure(String scenario, String param, String metric, String unit, String stack, int run,
                         double value) {
    }

    /** The figures of one metric, identified without the stack and run. */
    public record Key(String scenario, String param, String metric, String unit) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void add(Figure f) {
        figures.add(f);
    }

    public void note(String text) {
        notes.add(text);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public List<Figure> figures() {
        return Collections.unmodifiableList(figures);
    }

    /** The metrics in the order they were first recorded. */
    public List<Key> keys() {
        Map<Key, Boolean> seen = new LinkedHashMap<>();
        for (Figure f : figures) {
            seen.put(new Key(f.scenario(), f.param(), f.metric(), f.unit()), true);
        }
        return new ArrayList<>(seen.keySet());
    }

    public List<Double> values(Key k, String stack) {
        List<Double> v = new ArrayList<>();
        for (Figure f : figures) {
            if (matches(f, k) && f.stack().equals(stack)) {
                v.add(f.value());
            }
        }
        return v;
    }

    public OptionalDouble median(Key k, String stack) {
        return median(values(k, stack));
    }

    /** Median over runs of value(a) / value(b), from runs where both were measured. */
    public OptionalDouble ratio(Key k, String a, String b) {
        List<Double> ratios = new ArrayList<>();
        for (Figure fa : figures) {
            if (!matches(fa, k) || !fa.stack().equals(a)) {
                continue;
            }
            for (Figure fb : figures) {
                if (matches(fb, k) && fb.stack().equals(b) && fb.run() == fa.run() && fb.value() != 0) {
                    ratios.add(fa.value() / fb.value());
                }
            }
        }
        return median(ratios);
    }

    private static boolean matches(Figure f, Key k) {
        return f.scenario().equals(k.scenario()) && f.param().equals(k.param()) && f.metric().equals(k.metric())
                && Objects.equals(f.unit(), k.unit());
    }

    public static OptionalDouble median(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }
}
