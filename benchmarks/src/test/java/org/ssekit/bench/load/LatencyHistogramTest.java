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
package org.ssekit.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyHistogramTest {
    @Test
    void quantilesWithinATenthOfAPercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v);
        }
        assertThat((double) h.quantile(0.5)).isCloseTo(50_000, within(50.0));
        assertThat((double) h.quantile(0.99)).isCloseTo(99_000, within(100.0));
        assertThat(h.quantile(0.0)).isEqualTo(1);
        assertThat(h.count()).isEqualTo(100_000);
    }

    @Test
    void encodedHistogramsMerge() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        b.record(1_000_000);
        LatencyHistogram merged = LatencyHistogram.decode(a.encode());
        merged.add(LatencyHistogram.decode(b.encode()));
        assertThat(merged.count()).isEqualTo(2);
        assertThat(merged.quantile(0.5)).isEqualTo(10);
        assertThat((double) merged.quantile(1.0)).isCloseTo(1_000_000, within(1_000.0));
        assertThat(LatencyHistogram.decode("-").count()).isZero();
        assertThat(new LatencyHistogram().encode()).isEqualTo("-");
    }

    @Test
    void theEncodingIsOneTokenOfTheLineProtocolAndRoundTripsEveryQuantile() {
        SplittableRandom random = new SplittableRandom(42);
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 10_000; i++) {
            h.record(random.nextLong(1, 60_000_000));
        }
        String encoded = h.encode();
        assertThat(encoded).doesNotContainAnyWhitespaces();
        LatencyHistogram back = LatencyHistogram.decode(encoded);
        for (double q = 0; q <= 1.0; q += 0.05) {
            assertThat(back.quantile(q)).as("q=%s", q).isEqualTo(h.quantile(q));
        }
    }

    @Test
    void resetEmptiesAndNegativeLatenciesCountAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        assertThat(h.quantile(1.0)).isZero();
        h.reset();
        assertThat(h.count()).isZero();
        assertThat(h.quantile(0.5)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0:1", "not base64!", "AAAA"})
    void rejectsWhatEncodeDidNotWrite(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> LatencyHistogram.decode(text));
    }
}
