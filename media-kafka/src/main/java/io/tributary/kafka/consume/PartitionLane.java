package io.tributary.kafka.consume;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The records of one partition, handed one after another to the handler on a shared pool, so partitions progress in
 * parallel and each stays in order. The poll thread offers records; pool threads drain them; the poll thread reads
 * {@link #committableOffset()} to commit what is done and {@link #takeRewind()} to fetch again what failed.
 *
 * <p>A record is done when the stage its handler returned completes; the next record is handed over as soon as the
 * handler returns, until {@code maxInFlight} records have stages pending: the handler is then told the partition is
 * full ({@link AsyncRecordHandler#onPartitionFull}), and the next record waits for one of them to complete. The
 * committable offset is the one after the longest run of done records from the start, so a record that finishes early
 * never lets the commit skip an earlier one that has not.
 *
 * <p>A stage that completes exceptionally is not the end of the partition: its offset is never committed past, and
 * the loop seeks the partition back to it, so that record and the ones after it are handed again (at least once, as
 * after a restart) once a back-off has passed, doubling while the same record keeps failing.
 */
final class PartitionLane {
    private static final Logger LOG = Logger.getLogger(PartitionLane.class);

    private final TopicPartition partition;
    private final AsyncRecordHandler handler;
    private final Executor pool;
    private final int maxInFlight;
    private final Runnable onFailedStage;
    private final Retrier retrier = new Retrier();
    private final Deque<ConsumerRecord<String, byte[]>> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean stopped;
    /** Records handed over whose stage has not completed yet, or that wait for an earlier one: offset order. */
    private final Deque<Unfinished> unfinished = new ArrayDeque<>();
    /**
     * Records handed over whose stage has not completed (abandoned ones included: they still hold memory in the
     * handler). The bound applies to these, not to {@link #unfinished}: records of other channels that completed
     * behind one slow record are done, and must not stop the partition.
     */
    private int pending;
    /**
     * Entries of {@link #unfinished} (a few bytes each) allowed while one slow record holds the commit back: far more
     * than {@code maxInFlight}, so that only a record stuck for a long time (minutes of GOPs) pauses the partition.
     */
    private final int maxUnfinished;
    /** The offset after the last record of the longest finished run; -1 until the first one. */
    private volatile long committable = -1;
    /** Changes at each rewind: a record the handler had in hand meanwhile is not tracked (it comes again). */
    private long generation;
    /** The earliest offset whose stage failed since the last rewind; -1 if none. */
    private long rewindTo = -1;
    /** The offset of the last rewind, until the commit passes it; -1 if none. */
    private long rewoundTo = -1;
    private long backoff;
    /** No record is handed over before this (System.nanoTime) after a rewind. */
    private long resumeAtNanos = System.nanoTime();

    /** A record handed over; {@code done} once its stage completed normally. */
    private static final class Unfinished {
        final long offset;
        boolean done;
        /** Dropped by a rewind: its completion no longer counts. */
        boolean abandoned;

        Unfinished(long offset) {
            this.offset = offset;
        }
    }

    /**
     * @param maxInFlight records handed over whose stage has not completed: no more is handed over until one does
     *                    (the queue behind then grows, and the loop pauses the partition)
     */
    PartitionLane(TopicPartition partition, AsyncRecordHandler handler, Executor pool, int maxInFlight,
                  Runnable onFailedStage) {
        this.partition = partition;
        this.handler = handler;
        this.pool = pool;
        this.maxInFlight = maxInFlight;
        this.maxUnfinished = (int) Math.min(Integer.MAX_VALUE, 64L * maxInFlight);
        this.onFailedStage = onFailedStage;
    }

    synchronized void offer(ConsumerRecord<String, byte[]> record) {
        if (stopped) {
            return;
        }
        queue.addLast(record);
        drainIfIdle();
    }

    /** Starts draining the queue on the pool unless a drain runs, or the records in flight are at their bound. */
    private void drainIfIdle() {
        if (draining || queue.isEmpty() || !mayHandOver()) {
            return;
        }
        draining = true;
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining = false; // the loop is closing
        }
    }

    /**
     * Starts draining again if records wait and nothing holds them back any more: the loop calls it at each poll, for
     * a lane the handler stopped ({@link AsyncRecordHandler#accepting}), which no offer or completion may wake.
     */
    synchronized void resume() {
        drainIfIdle();
    }

    /** Records offered and not yet handed over. */
    synchronized int backlog() {
        return queue.size();
    }

    /**
     * Whether the next record may be handed over: not stopped, no failed stage waiting for its rewind (records after
     * it would be packaged on top of a gap, and then skipped as already handled when the rewind brings the failed one
     * back), the records in flight under their bound, and the handler taking records ({@link
     * AsyncRecordHandler#accepting}).
     */
    private boolean mayHandOver() {
        return !stopped && rewindTo < 0 && pending < maxInFlight && unfinished.size() < maxUnfinished
                && handler.accepting(partition);
    }

    long committableOffset() {
        return committable;
    }

    /**
     * The offset to fetch the partition again from, when a stage failed since the last call: the records from it on
     * are dropped here (queued or unfinished) and come again from the broker, after a back-off; -1 otherwise.
     */
    synchronized long takeRewind() {
        if (rewindTo < 0 || stopped) {
            return -1;
        }
        long to = rewindTo;
        rewindTo = -1;
        generation++;
        queue.clear();
        unfinished.removeIf(u -> {
            u.abandoned = u.offset >= to;
            return u.abandoned;
        });
        backoff = to == rewoundTo ? Retrier.next(backoff) : Retrier.FIRST_BACKOFF_MILLIS;
        rewoundTo = to;
        resumeAtNanos = System.nanoTime() + backoff * 1_000_000;
        LOG.warnf("%s: fetching again from offset %d in %d ms", partition, to, backoff);
        return to;
    }

    /** Drops queued records and waits for the one in hand to be handed over; afterwards no handler call runs for it. */
    void stop() {
        synchronized (this) {
            stopped = true;
            queue.clear();
        }
        retrier.stop(); // ends a retry back-off at once
        synchronized (this) {
            while (draining) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits until the stage of every record handed over has completed, or the deadline (System.nanoTime) passes. */
    synchronized boolean awaitFinished(long deadlineNanos) throws InterruptedException {
        long left;
        while (pending > 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        return pending == 0;
    }

    private void drain() {
        boolean released = false;
        try {
            while (true) {
                ConsumerRecord<String, byte[]> next;
                long generationHanded;
                long waitMillis;
                synchronized (this) {
                    // at the bound of records in flight, the drain ends; a completing stage starts it again
                    next = mayHandOver() ? queue.peekFirst() : null;
                    if (next == null) {
                        // given up in the same block that decided: an offer or completion from now on starts a drain
                        draining = false;
                        released = true;
                        notifyAll();
                        return;
                    }
                    generationHanded = generation;
                    waitMillis = (resumeAtNanos - System.nanoTime()) / 1_000_000;
                }
                if (waitMillis > 0) {
                    if (!retrier.pause(waitMillis)) {
                        break; // stopped, or the pool is shutting down
                    }
                    continue;
                }
                Retrier.Done<CompletionStage<?>> handed = retrier.run(() -> stageOf(next), (e, retryIn) ->
                        LOG.warnf("%s offset %d not done (%s); retrying in %d ms", partition, next.offset(),
                                e.toString(), retryIn));
                if (handed == null) {
                    break;
                }
                Unfinished u = new Unfinished(next.offset());
                synchronized (this) {
                    if (generationHanded != generation) {
                        continue; // rewound while in hand: the record comes again from the broker
                    }
                    queue.pollFirst();
                    unfinished.addLast(u);
                    pending++;
                }
                // may run at once, on this thread, when the stage is already complete
                handed.value().whenComplete((ignored, error) -> finished(u, error));
                if (atBound()) {
                    tellFull();
                }
            }
        } finally {
            if (!released) {
                synchronized (this) {
                    // left early (stopped, or interrupted as the pool shuts down): a later offer starts a drain again
                    draining = false;
                    notifyAll();
                }
            }
        }
    }

    /**
     * The records in flight are at their bound once this hand-over is counted (and its stage did not complete at
     * once): no record is handed over until one of them completes. Only a hand-over raises the count, so this holds
     * once each time the bound is reached. A lane stopped meanwhile (the partition revoked while the handler had the
     * record) is not full: nothing is handed over on it any more. A stop between this check and {@link #tellFull},
     * outside the monitor, still gets the call: a late one, which {@link AsyncRecordHandler#onPartitionFull} allows.
     */
    private synchronized boolean atBound() {
        return !stopped && pending >= maxInFlight;
    }

    /** A handler failing here must not end the drain: the bound still lifts when a stage completes. */
    private void tellFull() {
        try {
            handler.onPartitionFull(partition);
        } catch (RuntimeException e) {
            LOG.warnf("%s: handler failed on a full partition: %s", partition, e.toString());
        }
    }

    private CompletionStage<?> stageOf(ConsumerRecord<String, byte[]> record) throws Exception {
        CompletionStage<?> stage = handler.handle(record);
        if (stage == null) {
            throw new IllegalStateException("the handler returned no stage");
        }
        return stage;
    }

    /** Marks the record done and moves the committable offset over the run of done records at the head. */
    private synchronized void finished(Unfinished u, Throwable error) {
        pending--;
        try {
            if (u.abandoned) {
                drainIfIdle();
                return;
            }
            if (error != null) {
                if (stopped) {
                    // the partition left this instance: its next owner gets the record again
                    LOG.debugf("%s offset %d not finished before the partition was stopped", partition, u.offset);
                    return;
                }
                // its output is not durable: never commit past it; fetch it again from the broker
                onFailedStage.run();
                LOG.errorf("%s offset %d failed after its handler returned (%s); it is handed again", partition,
                        u.offset, error.toString());
                if (rewindTo < 0 || u.offset < rewindTo) {
                    rewindTo = u.offset;
                }
                return;
            }
            u.done = true;
            while (!unfinished.isEmpty() && unfinished.peekFirst().done) {
                committable = unfinished.pollFirst().offset + 1;
            }
            if (rewoundTo >= 0 && committable > rewoundTo) {
                rewoundTo = -1; // the record that failed is done: the next failure starts from the first back-off
            }
            drainIfIdle();
        } finally {
            notifyAll();
        }
    }
}
