package io.tributary.archive.consume;

import io.tributary.archive.session.SessionFinalizer;
import io.tributary.archive.session.SessionRef;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * A session whose end came (its last record, or its timeout) and whose archive the finaliser could not make: storage
 * or Kafka away, or parts it refuses to archive (GOPs held only by chunks off the chain). The sweeper tries again, no
 * sooner than a back-off that doubles from {@value #FIRST_RETRY_MILLIS} ms to {@value #MAX_RETRY_MILLIS} ms, counted
 * from when the attempt failed (a slow attempt is not due again at once); the failure is logged once, when it first
 * happens, and the success that ends it once (the attempts in between at debug level), not a line per attempt.
 *
 * <p>Only the retries: no record waits for it. The last record's stage is its GOP's, complete once that GOP is
 * durable, as any record's; so an end that can never succeed (GOPs stranded until someone looks at the parts) does
 * not hold its partition's commits back. What is committed is in storage, and a next owner finishes the session from
 * there (found on assignment, finalised by timeout).
 *
 * <p>Not thread-safe: used under its partition's lock.
 */
public final class UnfinishedEnd {
    /** The back-off after a first failure: a storage blip is over by then, and the next attempt comes soon. */
    public static final long FIRST_RETRY_MILLIS = 1_000;
    /** A minute: an outage is not hammered, and parts repaired by hand are archived soon enough. */
    static final long MAX_RETRY_MILLIS = 60_000;
    private static final Logger LOG = Logger.getLogger(UnfinishedEnd.class);

    private final TopicPartition partition;
    private final SessionRef ref;
    /** Once the last record came the session is over, whatever the idle rule says of later attempts. */
    private boolean lastRecordCame;
    private int failures;
    private long retryAtMillis;

    UnfinishedEnd(TopicPartition partition, SessionRef ref) {
        this.partition = partition;
        this.ref = ref;
    }

    /** An attempt made for {@code reason} failed at {@code failedAtMillis}: the next one waits the back-off. */
    void failed(String reason, Exception e, long failedAtMillis) {
        lastRecordCame |= SessionFinalizer.LAST_RECORD.equals(reason);
        failures++;
        retryAtMillis = failedAtMillis + backoffMillis(failures);
        if (failures == 1) {
            LOG.errorf("%s: session %s ended (%s) but its archive cannot be made now: %s; the sweeper tries again, "
                    + "at most %d s apart", partition, ref, reason, e.toString(), MAX_RETRY_MILLIS / 1000);
        } else {
            LOG.debugf("%s: session %s still not archived (attempt %d): %s", partition, ref, failures, e.toString());
        }
        LOG.debugf(e, "%s: session %s: the finaliser's failure", partition, ref);
    }

    /** The archive is announced. */
    void finished() {
        LOG.infof("%s: session %s archived after %d failed attempts", partition, ref, failures);
    }

    /** The session's records came again after its timeout end failed: it was not over, and is unfinished no more. */
    void resumed() {
        LOG.infof("%s: session %s has records again after %d failed attempts at its timeout", partition, ref,
                failures);
    }

    /** True once the session's last record came: it is over whatever the idle rule says. */
    boolean lastRecordCame() {
        return lastRecordCame;
    }

    /**
     * Whether an attempt at a session's end is due now: its end came, and no earlier failure's back-off is still
     * running. A last record coming now to a session whose timeout end failed is a new end, tried at once.
     *
     * @param end            the session's failed end, or null when none failed
     * @param lastRecordNow  the session's last record is being handled
     * @param idleOver       the idle rule says the session is over
     */
    static boolean due(UnfinishedEnd end, boolean lastRecordNow, boolean idleOver, long nowMillis) {
        if (end == null) {
            return lastRecordNow || idleOver;
        }
        if (lastRecordNow && !end.lastRecordCame) {
            return true;
        }
        return (lastRecordNow || end.lastRecordCame || idleOver) && nowMillis >= end.retryAtMillis;
    }

    /** Doubles from {@link #FIRST_RETRY_MILLIS} with each failure, up to {@link #MAX_RETRY_MILLIS}. */
    static long backoffMillis(int failures) {
        int doublings = Math.min(failures - 1, 16); // 2^16 s is past the cap already, and the shift cannot overflow
        return Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << doublings);
    }
}
