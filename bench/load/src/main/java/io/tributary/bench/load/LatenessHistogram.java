package io.tributary.bench.load;

import java.util.Arrays;

/**
 * How late the scheduler sent tags, in whole milliseconds (early counts as 0), up to a minute; for the generator's
 * own health: if it cannot keep its publishers on time, the run measures the generator, not the stack.
 */
final class LatenessHistogram {

    private static final int BUCKETS = 60_000;
    private final long[] counts = new long[BUCKETS + 1];
    private long total;
    private long maxMillis;

    void record(long latenessNanos) {
        long millis = Math.max(0, latenessNanos / 1_000_000);
        counts[(int) Math.min(BUCKETS, millis)]++;
        total++;
        maxMillis = Math.max(maxMillis, millis);
    }

    long count() {
        return total;
    }

    long maxMillis() {
        return maxMillis;
    }

    /** The smallest lateness at or under which {@code fraction} of the tags were sent. */
    long percentileMillis(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i;
            }
        }
        return BUCKETS;
    }

    LatenessHistogram copy() {
        LatenessHistogram copy = new LatenessHistogram();
        System.arraycopy(counts, 0, copy.counts, 0, counts.length);
        copy.total = total;
        copy.maxMillis = maxMillis;
        return copy;
    }

    void reset() {
        Arrays.fill(counts, 0);
        total = 0;
        maxMillis = 0;
    }
}
