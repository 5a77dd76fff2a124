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

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading write-syscall counts from /proc/PID/io, and turning two readings into writes per event. */
class ProcIoTest {
    private static final List<String> IO = List.of("rchar: 4096", "wchar: 123456", "syscr: 17", "syscw: 2048",
            "read_bytes: 0", "write_bytes: 8192", "cancelled_write_bytes: 0");

    @Test
    void syscwIsReadFromItsOwnLine(@TempDir Path dir) throws Exception {
        Path io = Files.write(dir.resolve("io"), IO);
        assertThat(ProcIo.syscw(io)).isEqualTo(2048);
        assertThat(ProcIo.field(IO, "syscr")).isEqualTo(17);
    }

    @Test
    void missingFileOrFieldGivesMinusOne(@TempDir Path dir) {
        assertThat(ProcIo.syscw(dir.resolve("absent"))).isEqualTo(-1);
        assertThat(ProcIo.field(List.of("wchar: 5"), "syscw")).isEqualTo(-1);
        assertThat(ProcIo.field(List.of("syscw: lots"), "syscw")).isEqualTo(-1);
    }

    @Test
    void thisProcessCountsItsOwnWrites() throws Exception {
        Path self = Path.of("/proc/self/io");
        if (!Files.isReadable(self)) {
            return; // not Linux: the harness then reports writes per event as not measured
        }
        long before = ProcIo.syscw(self);
        Path tmp = Files.createTempFile("procio", ".txt");
        try {
            for (int i = 0; i < 5; i++) {
                Files.writeString(tmp, "x");
            }
        } finally {
            Files.delete(tmp);
        }
        assertThat(ProcIo.syscw(self) - before).isGreaterThanOrEqualTo(5);
    }

    @Test
    void writesPerEventIsTheDeltaOverTheEvents() {
        assertThat(ProcIo.perEvent(100, 150, 200)).isEqualTo(0.25);
        assertThat(ProcIo.perEvent(100, 100, 10)).isZero();
    }

    @Test
    void writesPerEventIsNotMeasuredWithoutBothReadingsOrWithoutEvents() {
        assertThat(ProcIo.perEvent(-1, 150, 200)).isNaN();
        assertThat(ProcIo.perEvent(100, -1, 200)).isNaN();
        assertThat(ProcIo.perEvent(100, 150, 0)).isNaN();
    }
}
