package org.ssekit.bench.load;

import java.util.StringJoiner;

/**
 * Latencies in microseconds, log-linear buckets (64 per power of two, under 1.6% error),
 * mergeable across processes through {@link #encode()} and {@link #decode(String)}.
 *
 * <p>Thread safety: not thread-safe; one writer, snapshots taken on that thread.
 */
public final class LatencyHistogram {
    private static final int SUB = 64;
    private static final int LINEAR = 2 * SUB;
    private static final int MAX_EXP = 40;
    private static final int BUCKETS = LINEAR + (MAX_EXP - 7) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;

    public void record(long micros) {
        counts[index(Math.max(0, micros))]++;
        total++;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exp = Math.min(MAX_EXP - 1, 63 - Long.numberOfLeadingZeros(v));
        int shift = exp - 6;
        long mantissa = Math.min(2L * SUB - 1, v >>> shift);
        return LINEAR + (exp - 7) * SUB + (int) (mantissa - SUB);
    }

    static long valueAt(int index) {
        if (index < LINEAR) {
            return index;
        }
        int k = index - LINEAR;
        int exp = 7 + k / SUB;
        long mantissa = SUB + k % SUB;
        int shift = exp - 6;
        return (mantissa << shift) + (1L << shift) / 2;
    }

    public long count() {
        return total;
    }

    /** The value at quantile {@code q} (0..1), in microseconds; 0 when empty. */
    public long quantile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return valueAt(i);
            }
        }
        return valueAt(BUCKETS - 1);
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    /** Non-empty buckets as {@code index:count,...}, or {@code -} when empty. */
    public String encode() {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] != 0) {
                j.add(i + ":" + counts[i]);
            }
        }
        return total == 0 ? "-" : j.toString();
    }

    public static LatencyHistogram decode(String text) {
        LatencyHistogram h = new LatencyHistogram();
        if (text.equals("-")) {
            return h;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            long n = Long.parseLong(pair.substring(colon + 1));
            h.counts[Integer.parseInt(pair.substring(0, colon))] += n;
            h.total += n;
        }
        return h;
    }
}
