package io.tributary.kafka.consume;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The records of one partition, handled one after another on a shared pool, so partitions progress in parallel and
 * each stays in order. The poll thread offers records; pool threads drain them; the poll thread reads
 * {@link #committableOffset()} to commit what is done.
 */
final class PartitionLane {
    private static final Logger LOG = Logger.getLogger(PartitionLane.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final TopicPartition partition;
    private final RecordHandler handler;
    private final Executor pool;
    private final Deque<ConsumerRecord<String, byte[]>> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean stopped;
    private Thread runner;
    /** The offset after the last record handled; -1 until the first one. */
    private volatile long committable = -1;

    PartitionLane(TopicPartition partition, RecordHandler handler, Executor pool) {
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
                if (handleUntilDone(next)) {
                    synchronized (this) {
                        queue.pollFirst();
                    }
                    committable = next.offset() + 1;
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

    /** Retries the record until it succeeds or the lane is stopped; true when it was handled. */
    private boolean handleUntilDone(ConsumerRecord<String, byte[]> record) {
        long backoff = 250;
        while (true) {
            try {
                handler.handle(record);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                LOG.warnf("%s offset %d not done (%s); retrying in %d ms", partition, record.offset(), e.toString(), backoff);
                synchronized (this) {
                    if (stopped) {
                        return false;
                    }
                    try {
                        wait(backoff);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                    if (stopped) {
                        return false;
                    }
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }
}
