package io.tributary.ingest.kafka;

import io.tributary.ingest.gop.GopRecord;
import io.tributary.ingest.gop.StreamFacts;
import io.tributary.media.event.StopReason;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * What one session writes to Kafka, in the order the contract needs: {@code stream-started} with the first GOP
 * record, the records, and {@code stream-stopped} once, after the record flagged {@code last} has been acknowledged
 * (or has failed). Nothing at all for a session that never produced a record.
 *
 * <p><b>In-flight budget.</b> The bytes of records handed to Kafka and not yet acknowledged are counted, here and in
 * the ingest's {@link InflightTotal}; above this publisher's budget, or while the total is over its limit, the
 * {@link Listener} is told to pause the publisher's socket, and once both are within again to resume — TCP then pushes
 * back on the encoder instead of this process buffering without bound. {@link #overBudgetSince()} lets the session
 * end a publisher that stays paused too long. A record's value is not held here until its acknowledgement: once the
 * producer has copied it into a batch it is garbage.
 *
 * <p>Confined to the session's event loop: every Kafka completion comes back through {@code context}.
 */
public final class SessionOutput {

    private static final Logger LOG = Logger.getLogger(SessionOutput.class);

    /** What the session hears back. All calls come on its event loop. */
    public interface Listener {
        /** The in-flight budget is spent: stop reading from the publisher. */
        void overBudget();

        /** Acknowledgements brought the in-flight bytes back within the budget: read again. */
        void withinBudget();

        /** A GOP record was acknowledged by every in-sync replica. */
        void acknowledged();

        /** A record or event could not be written (the session must end: its sequence now has a hole). */
        void failed(String what);
    }

    private final GopPublisher gops;
    private final SessionEvents events;
    private final SessionIdentity id;
    private final Executor context;
    private final long budgetBytes;
    private final InflightTotal total;
    private final Listener listener;
    private final LongSupplier nowMillis;
    private final Clock clock;
    private long inflightBytes;
    private long overSince = -1;
    private boolean waitingForTotal;
    private InflightTotal.Registration totalRegistration; // the latest, to cancel when the session finishes
    private long recordsSent;
    private boolean started;
    private boolean finished;
    private boolean failureReported;

    public SessionOutput(GopPublisher gops, SessionEvents events, SessionIdentity id, Executor context,
                         long budgetBytes, InflightTotal total, Listener listener, LongSupplier nowMillis,
                         Clock clock) {
        this.gops = gops;
        this.events = events;
        this.id = id;
        this.context = context;
        this.budgetBytes = budgetBytes;
        this.total = total;
        this.listener = listener;
        this.nowMillis = nowMillis;
        this.clock = clock;
    }

    /**
     * Sends one record (after {@code stream-started}, if it is the session's first).
     *
     * @param facts what the sequence headers say, for {@code stream-started}
     */
    public void send(GopRecord record, StreamFacts facts) {
        send(record, facts, null);
    }

    /**
     * Sends the session's final records, then {@code stream-stopped} once the last of them is acknowledged or has
     * failed. The stage completes when {@code stream-stopped} is acknowledged or has failed, or at once when the
     * session wrote nothing.
     *
     * @param gopCount       the records of the session, these included
     * @param durationMillis the session's media duration
     * @param bytes          media bytes received
     */
    public CompletionStage<Void> finish(List<GopRecord> last, StreamFacts facts, StopReason reason,
                                        long durationMillis, long bytes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (finished) {
            done.complete(null);
            return done;
        }
        finished = true;
        if (totalRegistration != null) {
            // an ended session must not stay reachable from the total's waiting list while Kafka stays slow
            totalRegistration.cancel();
        }
        Runnable stopped = () -> {
            if (!started) {
                done.complete(null);
                return;
            }
            events.stopped(id, reason, clock.instant(), durationMillis, bytes, recordsSent, context, failure -> {
                if (failure != null) {
                    LOG.warnf("channel=%s session=%s: stream-stopped could not be written: %s", id.channel(),
                            id.sessionId(), failure.toString());
                }
                done.complete(null);
            });
        };
        if (last.isEmpty()) {
            stopped.run();
        }
        for (int i = 0; i < last.size(); i++) {
            send(last.get(i), facts, i == last.size() - 1 ? stopped : null);
        }
        return done;
    }

    /** Since when (monotonic millis) the budget has been spent, if it is now. */
    public OptionalLong overBudgetSince() {
        return overSince < 0 ? OptionalLong.empty() : OptionalLong.of(overSince);
    }

    public long inflightBytes() {
        return inflightBytes;
    }

    public long recordsSent() {
        return recordsSent;
    }

    private void send(GopRecord record, StreamFacts facts, Runnable afterCompletion) {
        if (!started) {
            started = true;
            events.started(id, facts, clock.instant(), context, failure -> {
                if (failure != null) {
                    failed("stream-started", failure);
                }
            });
        }
        int size = record.value().length;
        long sequence = record.metadata().sequence(); // the completion keeps this, not the record and its value
        inflightBytes += size;
        total.add(size);
        recordsSent++;
        gops.send(id.channel(), record, context, failure -> {
            inflightBytes -= size;
            total.release(size);
            if (failure != null) {
                failed("GOP record " + sequence, failure);
            } else {
                listener.acknowledged();
            }
            checkBudget();
            if (afterCompletion != null) {
                afterCompletion.run();
            }
        });
        checkBudget();
    }

    private void checkBudget() {
        update(total.over());
    }

    /**
     * The total was within its limit when this wake-up was queued. The session resumes (if its own budget allows)
     * even if other sessions have taken the room again since: every waiting session gets to read on at each return
     * within the limit, so none is starved into its backpressure timeout while others proceed. The cost is that the
     * total can pass its limit by about one record per session (documented with the setting).
     */
    private void totalWithin() {
        waitingForTotal = false;
        update(false);
    }

    private void update(boolean totalOver) {
        boolean over = inflightBytes > budgetBytes || totalOver;
        if (overSince < 0 && over) {
            overSince = nowMillis.getAsLong();
            listener.overBudget();
        } else if (overSince >= 0 && !over) {
            overSince = -1;
            listener.withinBudget();
        }
        if (totalOver && !waitingForTotal && !finished) {
            // this session's own acknowledgements may all have come: the release that ends the total's excess,
            // whichever session's it is, must wake this one (set first: an executor may run the wake-up at once)
            waitingForTotal = true;
            totalRegistration = total.whenWithin(() -> context.execute(this::totalWithin));
        }
    }

    /** The first failure is logged and reported; the ones queued behind it (same outage) only at debug level. */
    private void failed(String what, Throwable failure) {
        if (failureReported) {
            LOG.debugf("channel=%s session=%s: %s could not be written to Kafka either: %s", id.channel(),
                    id.sessionId(), what, failure.toString());
            return;
        }
        failureReported = true;
        LOG.warnf("channel=%s session=%s: %s could not be written to Kafka: %s", id.channel(), id.sessionId(), what,
                failure.toString());
        listener.failed(what);
    }
}
