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

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Latencies in microseconds, on an HdrHistogram (3 significant digits: under 0.1% error,
 * auto-resizing), mergeable across processes through {@link #encode()} and
 * {@link #decode(String)} (HdrHistogram's compressed form in Base64, one token on a line).
 *
 * <p>Thread safety: not thread-safe; one writer, snapshots taken on that thread.
 */
public final class LatencyHistogram {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram;

    public LatencyHistogram() {
        this(new Histogram(SIGNIFICANT_DIGITS));
    }

    private LatencyHistogram(Histogram histogram) {
        this.histogram = histogram;
        histogram.setAutoResize(true);
    }

    public void record(long micros) {
        histogram.recordValue(Math.max(0, micros));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at quantile {@code q} (0..1), in microseconds; 0 when empty. */
    public long quantile(double q) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(q * 100);
    }

    public void reset() {
        histogram.reset();
    }

    public void add(LatencyHistogram other) {
        histogram.add(other.histogram);
    }

    /** The compressed histogram in Base64, or {@code -} when empty. */
    public String encode() {
        if (count() == 0) {
            return "-";
        }
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /**
     * The histogram {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static LatencyHistogram decode(String text) {
        if (text.equals("-")) {
            return new LatencyHistogram();
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(text));
            return new LatencyHistogram(Histogram.decodeFromCompressedByteBuffer(buffer, 0));
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded latency histogram: " + e, e);
        }
    }
}
