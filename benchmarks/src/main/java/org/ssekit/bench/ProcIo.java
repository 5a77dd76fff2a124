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
package org.ssekit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the counters of a Linux {@code /proc/PID/io} file. */
final class ProcIo {
    private ProcIo() {
    }

    /** The {@code syscw} count (write-family system calls) in {@code file}, or -1 when unreadable. */
    static long syscw(Path file) {
        try {
            return field(Files.readAllLines(file), "syscw");
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }

    /** The value of {@code name: N} in the lines of an io file, or -1 when absent or malformed. */
    static long field(List<String> lines, String name) {
        String prefix = name + ":";
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                try {
                    return Long.parseLong(line.substring(prefix.length()).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * Write calls per delivered event between two readings; NaN when either reading failed or
     * nothing was delivered (so a missing figure is never shown as zero).
     */
    static double perEvent(long before, long after, long events) {
        if (before < 0 || after < before || events <= 0) {
            return Double.NaN;
        }
        return (double) (after - before) / events;
    }
}
