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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Redraws {@code chart.svg} from a {@code results.csv} written earlier, without measuring:
 * {@code java -cp ... org.ssekit.bench.report.Replot DIR [MODE]}.
 */
public final class Replot {
    private Replot() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "full";
        Results r = new Results();
        List<String> stacks = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            if (!stacks.contains(c[4])) {
                stacks.add(c[4]);
            }
            String[] runs = c[6].split(";");
            for (int i = 0; i < runs.length; i++) {
                r.add(new Results.Figure(c[0], c[1], c[2], c[3], c[4], i + 1, Double.parseDouble(runs[i])));
            }
        }
        Files.writeString(dir.resolve("chart.svg"), SvgChart.render(r, stacks, mode));
        System.out.println("written " + dir.resolve("chart.svg"));
    }
}
