package io.tributary.archive.consume;

import io.tributary.archive.session.SessionFinalizer;
import io.tributary.archive.session.SessionRef;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * A session whose end came (its last record, or its timeout) and whose archive the finaliser could not make: storage
 * or Kafka away, or parts it refuses to archive (GOPs held only by chunks off the chain). The sweeper tries again, no
 * sooner than a back-off that doubles from {@value #FIRST_RETRY_MILLIS} ms to {@value #MAX_RETRY_MILLIS} ms; the
 * failure is logged once, when it first happens, and the success that ends it once (the attempts in between at debug
 * level), not a line per attempt.
 *
 * <p>{@link #stage} is the stage of the session's last record: it completes when the archive is announced and fails
 * when the session leaves this instance (revoked, abandoned). So the record stays uncommitted until its archive exists,
 * and comes again after a crash, without holding up the partition's other records: a stage that failed at once would
 * make the loop fetch the partition again from this record, which would fail again at once, and so on, the records
 * behind it never handled.
 *
 * <p>Not thread-safe: used under its partition's lock.
 */
final class UnfinishedEnd {
    static final long FIRST_RETRY_MILLIS = 1_000;
    /** A minute: an outage is not hammered, and parts repaired by hand are archived soon enough. */
    static final long MAX_RETRY_MILLIS = 60_000;
    private static final Logger LOG = Logger.getLogger(UnfinishedEnd.class);

    private final TopicPartition partition;
    private final SessionRef ref;
    private final CompletableFuture<Void> stage = new CompletableFuture<>();
    /** Why the last attempt was made: {@link SessionFinalizer#LAST_RECORD} or a timeout. */
    private String why;
    private int failures;
    private long backoffMillis;
    private long retryAtMillis;

    UnfinishedEnd(TopicPartition partition, SessionRef ref) {
        this.partition = partition;
        this.ref = ref;
    }

    /** An attempt to finish the session failed at {@code nowMillis}: the next one waits the back-off. */
    void failed(String why, Exception e, long nowMillis) {
        this.why = why;
        failures++;
        backoffMillis = failures == 1 ? FIRST_RETRY_MILLIS : Math.min(MAX_RETRY_MILLIS, backoffMillis * 2);
        retryAtMillis = nowMillis + backoffMillis;
        if (failures == 1) {
            LOG.errorf("%s: session %s ended (%s) but its archive cannot be made now: %s; the sweeper tries again, "
                    + "at most %d s apart, and its last records stay uncommitted until then", partition, ref, why,
                    e.toString(), MAX_RETRY_MILLIS / 1000);
        } else {
            LOG.debugf("%s: session %s still not archived (attempt %d): %s", partition, ref, failures, e.toString());
        }
        LOG.debugf(e, "%s: session %s: the finaliser's failure", partition, ref);
    }

    /** The archive is announced: the last record is done. */
    void finished() {
        LOG.infof("%s: session %s archived after %d failed attempts", partition, ref, failures);
        stage.complete(null);
    }

    /** The session left this instance: its last record goes to whoever finishes it (fetched again). */
    void dropped(Throwable why) {
        stage.completeExceptionally(why);
    }

    /** The stage of the session's last record (see the class comment). */
    CompletableFuture<Void> stage() {
        return stage;
    }

    /** Why the last attempt was made: the sweeper tries again for the same reason. */
    String why() {
        return why;
    }

    /** True once the session's last record came: it is over whatever the idle rule says. */
    boolean lastRecordCame() {
        return SessionFinalizer.LAST_RECORD.equals(why);
    }

    /** Whether the back-off since the last failure has passed. */
    boolean isDue(long nowMillis) {
        return nowMillis >= retryAtMillis;
    }
}
