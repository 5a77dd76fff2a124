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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** A grouped bar chart of the headline figures (medians), as a self-contained SVG. */
final class SvgChart {
    private static final String[] COLORS = {"#1f77b4", "#2ca02c", "#d62728", "#ff7f0e", "#7f7f7f", "#9467bd"};
    private static final int PANEL_W = 460;
    private static final int PANEL_H = 260;
    private static final int TOP = 50;
    private static final int PLOT_H = 170;

    /** One panel: a title and, per group label, the value of each stack. */
    private record Panel(String title, Map<String, Map<String, Double>> groups) {
    }

    private SvgChart() {
    }

    static String render(Results r, List<String> stacks, String mode) {
        List<Panel> panels = new ArrayList<>();
        panels.add(panel(r, stacks, "fan-out: delivered events/s (higher is better)", "fanout", "events_per_s",
                "%s subs"));
        panels.add(latencyPanel(r, stacks));
        panels.add(panel(r, stacks, "burst: delivered events/s (higher is better)", "burst", "events_per_s",
                "%s subs"));
        panels.add(writesPanel(r, stacks));
        panels.add(panel(r, stacks, "idle: heap KiB per connection (lower is better)", "idle", "heap_per_conn",
                "%s conns"));
        int width = PANEL_W * panels.size();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, PANEL_H + 40));
        svg.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, PANEL_H + 40));
        svg.append(String.format("<text x=\"8\" y=\"16\" font-size=\"13\">ssekit benchmarks (%s mode, medians)"
                + "</text>%n", mode));
        for (int i = 0; i < panels.size(); i++) {
            drawPanel(svg, panels.get(i), stacks, i * PANEL_W);
        }
        legend(svg, stacks, PANEL_H + 20);
        return svg.append("</svg>\n").toString();
    }

    private static Panel panel(Results r, List<String> stacks, String title, String scenario, String metric,
                               String label) {
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        for (Results.Key k : r.keys()) {
            if (k.scenario().equals(scenario) && k.metric().equals(metric)) {
                groups.put(String.format(label, k.param()), values(r, k, stacks));
            }
        }
        return new Panel(title, groups);
    }

    private static Panel latencyPanel(Results r, List<String> stacks) {
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        for (Results.Key k : r.keys()) {
            if (k.scenario().equals("latency") && k.unit().equals("ms")) {
                groups.put(k.metric() + " @" + k.param(), values(r, k, stacks));
            }
        }
        return new Panel("latency ms (lower is better)", groups);
    }

    private static Panel writesPanel(Results r, List<String> stacks) {
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        for (Results.Key k : r.keys()) {
            if (k.metric().equals("writes_per_event")) {
                groups.put(k.scenario() + " @" + k.param(), values(r, k, stacks));
            }
        }
        return new Panel("write syscalls per delivered event (lower is better)", groups);
    }

    private static Map<String, Double> values(Results r, Results.Key k, List<String> stacks) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (String s : stacks) {
            OptionalDouble m = r.median(k, s);
            if (m.isPresent()) {
                v.put(s, m.getAsDouble());
            }
        }
        return v;
    }

    private static void drawPanel(StringBuilder svg, Panel p, List<String> stacks, int x0) {
        svg.append(String.format("<text x=\"%d\" y=\"36\" font-weight=\"bold\">%s</text>%n", x0 + 10, p.title()));
        double max = p.groups().values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        int groups = Math.max(1, p.groups().size());
        double groupW = (PANEL_W - 40.0) / groups;
        double barW = (groupW - 10) / Math.max(1, stacks.size());
        int g = 0;
        for (Map.Entry<String, Map<String, Double>> e : p.groups().entrySet()) {
            double gx = x0 + 20 + g * groupW;
            for (int s = 0; s < stacks.size(); s++) {
                Double v = e.getValue().get(stacks.get(s));
                if (v != null) {
                    bar(svg, gx + s * barW, barW, v, max, COLORS[s % COLORS.length]);
                }
            }
            svg.append(String.format("<text x=\"%.1f\" y=\"%d\">%s</text>%n", gx, TOP + PLOT_H + 16, e.getKey()));
            g++;
        }
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                x0 + 15, TOP + PLOT_H, x0 + PANEL_W - 15, TOP + PLOT_H));
    }

    private static void bar(StringBuilder svg, double x, double w, double v, double max, String color) {
        double h = max <= 0 ? 0 : PLOT_H * v / max;
        double y = TOP + PLOT_H - h;
        svg.append(String.format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x, y, Math.max(1, w - 2), h, color));
        svg.append(String.format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"8\" text-anchor=\"middle\">%s</text>%n",
                x + w / 2 - 1, y - 3, compact(v)));
    }

    /** 160000 as 160k, 1.5e6 as 1.5M, small values with three digits: labels that fit a narrow bar. */
    static String compact(double v) {
        if (Math.abs(v) >= 1e6) {
            return String.format("%.3gM", v / 1e6);
        }
        if (Math.abs(v) >= 1e4) {
            return String.format("%.0fk", v / 1e3);
        }
        return Math.abs(v) >= 100 ? String.format("%.0f", v) : String.format("%.3g", v);
    }

    private static void legend(StringBuilder svg, List<String> stacks, int y) {
        for (int s = 0; s < stacks.size(); s++) {
            int x = 10 + s * 150;
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n", x, y,
                    COLORS[s % COLORS.length]));
            svg.append(String.format("<text x=\"%d\" y=\"%d\">%s</text>%n", x + 14, y + 9, stacks.get(s)));
        }
    }
}
