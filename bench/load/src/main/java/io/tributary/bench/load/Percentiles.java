package io.tributary.bench.load;

import java.util.Arrays;
import java.util.Collection;

/** A summary of a set of millisecond values: nearest-rank percentiles. */
record Percentiles(int count, long p50, long p90, long p99, long max, double mean) {

    static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0);

    static Percentiles of(Collection<Long> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
                sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
    }

    /** Nearest rank: the smallest value with at least {@code fraction} of the values at or under it. */
    private static long rank(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
