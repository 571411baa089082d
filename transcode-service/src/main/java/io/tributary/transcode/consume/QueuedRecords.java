package io.tributary.transcode.consume;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of GOP records handed to the channels' lanes and not packaged yet, over every partition of the worker,
 * against {@code tributary.transcode.consumer.max-queued-bytes}. A worker that falls behind (its CPU taken, storage
 * slow) would otherwise hold {@code max-in-flight} records per partition it owns on its heap: at 100 streams on one
 * machine, 190 GOPs of 720p queued behind their channels, whose collections starved it further until it ran out of
 * 512 MB (bench/load, session 9). At the bound the consumer loop hands over nothing more ({@code
 * AsyncRecordHandler#accepting}) and the records wait in Kafka. A record counts from its hand-over until its
 * channel's step for it returned or was dropped (its bytes are then garbage; its stage may still wait for a state
 * save, which holds no media).
 */
final class QueuedRecords {
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    /** Told when the count falls back below the bound: the loop hands records over again at once. */
    private volatile Runnable belowBound = () -> { };

    /** @param maxBytes at or above this, no more is taken; at least one record is always taken when none is queued */
    QueuedRecords(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("max-queued-bytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    boolean accepting() {
        return bytes.get() < maxBytes;
    }

    void add(long recordBytes) {
        bytes.addAndGet(recordBytes);
    }

    void remove(long recordBytes) {
        long after = bytes.addAndGet(-recordBytes);
        if (after < maxBytes && after + recordBytes >= maxBytes) {
            belowBound.run();
        }
    }

    /** What to run when the count falls back below the bound (the consumer loop's hand-over). */
    void onBelowBound(Runnable action) {
        belowBound = action;
    }

    long bytes() {
        return bytes.get();
    }
}
