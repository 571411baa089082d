package io.tributary.transcode.consume;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of GOP records handed to the channels' lanes and not packaged yet, against
 * {@code tributary.transcode.consumer.max-queued-bytes}: over every partition of the worker, and each partition's
 * {@link #partitionShare share} of it. A worker that falls behind (its CPU taken, storage slow) would otherwise hold
 * {@code max-in-flight} records per partition it owns on its heap: at 100 streams on one machine, 190 GOPs of 720p
 * queued behind their channels, whose collections starved it further until it ran out of 512 MB (bench/load, session
 * 9). At the bound the consumer loop hands over nothing more ({@code AsyncRecordHandler#accepting}) and the records
 * wait in Kafka. A record counts from its hand-over until its channel's step for it returned or was dropped (its
 * bytes are then garbage; its stage may still wait for a state save, which holds no media). With the ABR ladder on,
 * a GOP handed to the ladder is bounded by the ladder's own {@code lag.max-backlog} instead.
 */
final class QueuedRecords {
    private final long maxBytes;
    /** The worker's count this one is a partition's share of; null for the worker's own. */
    private final QueuedRecords whole;
    private final AtomicLong bytes = new AtomicLong();
    /** Told when a count falls back below its bound: the loop hands records over again at once. */
    private volatile Runnable belowBound = () -> { };

    /** @param maxBytes at or above this, no more is taken; at least one record is always taken when none is queued */
    QueuedRecords(long maxBytes) {
        this(maxBytes, null);
    }

    private QueuedRecords(long maxBytes, QueuedRecords whole) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("max-queued-bytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.whole = whole;
    }

    /**
     * A partition's count, bounded at half the worker's: a channel whose steps keep failing (its lane retries them,
     * holding the records queued behind) then stops its own partition, as {@code max-in-flight} did before this
     * bound, and leaves the other partitions at least half of the worker's bytes.
     */
    QueuedRecords partitionShare() {
        return new QueuedRecords(Math.max(1, maxBytes / 2), this);
    }

    boolean accepting() {
        return bytes.get() < maxBytes && (whole == null || whole.accepting());
    }

    void add(long recordBytes) {
        bytes.addAndGet(recordBytes);
        if (whole != null) {
            whole.add(recordBytes);
        }
    }

    void remove(long recordBytes) {
        long after = bytes.addAndGet(-recordBytes);
        if (after < maxBytes && after + recordBytes >= maxBytes) {
            wake();
        }
        if (whole != null) {
            whole.remove(recordBytes);
        }
    }

    /** What to run when a count falls back below its bound (the consumer loop's hand-over); set on the worker's. */
    void onBelowBound(Runnable action) {
        belowBound = action;
    }

    long bytes() {
        return bytes.get();
    }

    private void wake() {
        (whole == null ? belowBound : whole.belowBound).run();
    }
}
