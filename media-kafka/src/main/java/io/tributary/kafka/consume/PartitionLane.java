package io.tributary.kafka.consume;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The records of one partition, handled one after another on a shared pool, so partitions progress in parallel and
 * each stays in order. The poll thread offers records; pool threads drain them; the poll thread reads
 * {@link #committableOffset()} to commit what is done.
 *
 * <p>A record is done when the stage its handler returned completes; the next record is handed over as soon as the
 * handler returns. The committable offset is the one after the longest run of done records from the start, so a
 * record that finishes early never lets the commit skip an earlier one that has not.
 */
final class PartitionLane {
    private static final Logger LOG = Logger.getLogger(PartitionLane.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final TopicPartition partition;
    private final AsyncRecordHandler handler;
    private final Executor pool;
    private final Deque<ConsumerRecord<String, byte[]>> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean stopped;
    private Thread runner;
    /** Records handed over whose stage has not completed yet, or that wait for an earlier one: offset order. */
    private final Deque<Unfinished> unfinished = new ArrayDeque<>();
    /** The offset after the last record of the longest finished run; -1 until the first one. */
    private volatile long committable = -1;

    /** A record handed over; {@code done} once its stage completed normally. */
    private static final class Unfinished {
        final long offset;
        boolean done;

        Unfinished(long offset) {
            this.offset = offset;
        }
    }

    PartitionLane(TopicPartition partition, AsyncRecordHandler handler, Executor pool) {
        this.partition = partition;
        this.handler = handler;
        this.pool = pool;
    }

    synchronized void offer(ConsumerRecord<String, byte[]> record) {
        if (stopped) {
            return;
        }
        queue.addLast(record);
        if (!draining) {
            draining = true;
            pool.execute(this::drain);
        }
    }

    synchronized int backlog() {
        return queue.size();
    }

    long committableOffset() {
        return committable;
    }

    /** Drops queued records and waits for the one in hand to finish; afterwards no handler call runs for it. */
    void stop() {
        Thread current;
        synchronized (this) {
            stopped = true;
            queue.clear();
            current = runner;
            notifyAll(); // ends a retry back-off at once
        }
        while (current != null && current.isAlive()) {
            synchronized (this) {
                if (!draining) {
                    return;
                }
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void drain() {
        synchronized (this) {
            runner = Thread.currentThread();
        }
        try {
            while (true) {
                ConsumerRecord<String, byte[]> next;
                synchronized (this) {
                    next = stopped ? null : queue.peekFirst();
                    if (next == null) {
                        draining = false;
                        runner = null;
                        notifyAll();
                        return;
                    }
                }
                CompletionStage<?> finished = handleUntilDone(next);
                if (finished != null) {
                    Unfinished u = new Unfinished(next.offset());
                    synchronized (this) {
                        queue.pollFirst();
                        unfinished.addLast(u);
                    }
                    // may run at once, on this thread, when the stage is already complete
                    finished.whenComplete((ignored, error) -> finished(u, error));
                }
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                draining = false;
                runner = null;
                notifyAll();
            }
            throw e;
        }
    }

    /** Marks the record done and moves the committable offset over the run of done records at the head. */
    private synchronized void finished(Unfinished u, Throwable error) {
        if (error != null) {
            // its output is not durable: never commit past it; the partition's next owner gets it again
            LOG.errorf("%s offset %d failed after its handler returned (%s); offsets from it on stay uncommitted",
                    partition, u.offset, error.toString());
            return;
        }
        u.done = true;
        while (!unfinished.isEmpty() && unfinished.peekFirst().done) {
            committable = unfinished.pollFirst().offset + 1;
        }
    }

    /** Retries the record until its handler returns or the lane is stopped; null when stopped. */
    private CompletionStage<?> handleUntilDone(ConsumerRecord<String, byte[]> record) {
        long backoff = 250;
        while (true) {
            try {
                CompletionStage<?> stage = handler.handle(record);
                if (stage == null) {
                    throw new IllegalStateException("the handler returned no stage");
                }
                return stage;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (Exception e) {
                LOG.warnf("%s offset %d not done (%s); retrying in %d ms", partition, record.offset(), e.toString(), backoff);
                synchronized (this) {
                    if (stopped) {
                        return null;
                    }
                    try {
                        wait(backoff);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                    if (stopped) {
                        return null;
                    }
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }
}
