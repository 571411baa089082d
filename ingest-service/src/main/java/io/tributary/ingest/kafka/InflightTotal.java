package io.tributary.ingest.kafka;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of GOP records this ingest has handed to Kafka and not yet had acknowledged, over all its sessions, and
 * the limit above which every session that sends is paused ({@link SessionOutput}).
 *
 * <p><b>Why a total besides each publisher's budget.</b> A publisher may have 32 MiB unacknowledged, four of the
 * largest GOP records, so that one slow acknowledgement does not pause it. A hundred publishers at once may not: when
 * Kafka slows down for everyone (a broker starved of CPU, a long collection), every session fills its budget at the
 * same time and the sum passes the heap. bench/load saw it (session 10): at 90 publishers on a loaded machine the
 * ingest's live set grew from 90 to 490 MB in 30 s and the ingest died out of its 512 MB heap, taking every session
 * with it. With the total bounded, the publishers are paused instead (TCP pushes back to the encoders) and all resumed
 * each time acknowledgements bring the total back within (so the total can pass the limit by about one record per
 * publisher, and none starves while others send); only a publisher still paused after the backpressure timeout, Kafka
 * stalled for that long, is ended.
 *
 * <p>Thread-safe: sessions on every event loop share one. The wake-ups run on the thread that brought the total back
 * within the limit (a Kafka completion, already on some session's event loop), so each must only hand itself to its
 * own session's executor.
 */
public final class InflightTotal {

    private final long limitBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    public InflightTotal(long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("the in-flight limit must be positive: " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    /** A record of {@code size} bytes was handed to Kafka. */
    public void add(long size) {
        bytes.addAndGet(size);
    }

    /** A record of {@code size} bytes was acknowledged (or failed): wakes the waiting sessions if now within. */
    public void release(long size) {
        if (bytes.addAndGet(-size) <= limitBytes) {
            wakeWaiting();
        }
    }

    /** Whether the total is over the limit: a session that sends now must pause. */
    public boolean over() {
        return bytes.get() > limitBytes;
    }

    /** A wake-up waiting for the total to return within its limit. */
    public interface Registration {
        /** Forgets the wake-up (a no-op once it ran). */
        void cancel();
    }

    /**
     * Runs {@code wake} once the total is within the limit: at once if it already is, else on the release that
     * brings it back. Each registration runs once; every registration waiting runs on that release.
     */
    public Registration whenWithin(Runnable wake) {
        Runnable once = wake::run; // a distinct object per registration, so that cancel removes this one only
        waiting.add(once);
        // a release between the caller's over() and the add above found nobody to wake: check again after adding
        if (!over()) {
            wakeWaiting();
        }
        return () -> waiting.remove(once);
    }

    /** Registrations not run yet. */
    int waiting() {
        return waiting.size();
    }

    public long bytes() {
        return bytes.get();
    }

    private void wakeWaiting() {
        Runnable wake;
        while ((wake = waiting.poll()) != null) {
            wake.run();
        }
    }
}
