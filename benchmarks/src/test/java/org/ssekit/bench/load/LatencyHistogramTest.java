package org.ssekit.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void quantilesWithinTwoPercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v);
        }
        assertThat((double) h.quantile(0.5)).isCloseTo(50_000, within(1_000.0));
        assertThat((double) h.quantile(0.99)).isCloseTo(99_000, within(2_000.0));
        assertThat(h.quantile(0.0)).isEqualTo(1);
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
        assertThat((double) merged.quantile(1.0)).isCloseTo(1_000_000, within(20_000.0));
        assertThat(LatencyHistogram.decode("-").count()).isZero();
    }

    @Test
    void bucketsAreMonotonic() {
        long last = -1;
        for (long v = 0; v < 10_000_000; v = v * 5 / 4 + 1) {
            long bucket = LatencyHistogram.valueAt(LatencyHistogram.index(v));
            assertThat(bucket).isGreaterThanOrEqualTo(last);
            last = bucket;
        }
    }
}
