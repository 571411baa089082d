package io.tributary.transcode.consume;

import io.tributary.kafka.consume.Retrier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * One channel's steps (a record's source, a record's rungs), run one after another in the order submitted, on the
 * worker's shared packaging pool: the channels of a partition progress independently, each strictly in order, and a
 * channel waiting on storage holds up no other channel's manifests.
 *
 * <p>A step that throws (object storage or Kafka away) is run again after a back-off ({@link Retrier}), before any
 * later step: a step is idempotent (deterministic object keys, state changed only once everything is stored). Every
 * stage the lane hands out completes: normally once its step returned, or with {@link ChannelClosedException} when
 * the lane was closed first, never normally for a step that did not finish. A step that fails otherwise (an
 * {@link Error}) closes the lane: its owner replaces it with a fresh one.
 */
final class ChannelLane {
    private static final Logger LOG = Logger.getLogger(ChannelLane.class);

    private final String channel;
    private final Executor pool;
    private final Runnable afterStep;
    private final Retrier retrier = new Retrier();
    // guarded by this
    private final Deque<Runnable> steps = new ArrayDeque<>();
    /** Stages handed out and not completed yet: failed at once when the lane closes. */
    private final Set<CompletableFuture<?>> pending = new HashSet<>();
    private boolean running;
    private boolean closed;

    /**
     * @param afterStep run once each step's stage has completed (normally or not), on the thread that completed it:
     *     the owner looks then whether the channel may be dropped, since a step of its own (a state save) may be the
     *     last one a channel whose session ended has queued
     */
    ChannelLane(String channel, Executor pool, Runnable afterStep) {
        this.channel = channel;
        this.pool = pool;
        this.afterStep = afterStep;
    }

    /**
     * Runs the step after every step submitted before it, retrying it until it returns. The stage completes with its
     * result, or with {@link ChannelClosedException} if the lane closes first.
     *
     * @param what names the step in a log line (never a stream key)
     */
    <T> CompletableFuture<T> submit(String what, Retrier.Step<T> step) {
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (this) {
            if (!closed) {
                pending.add(result);
                steps.addLast(() -> run(what, step, result));
                if (!running) {
                    running = true;
                    try {
                        pool.execute(this::drain);
                    } catch (RejectedExecutionException e) {
                        running = false; // the worker is stopping: failed below
                        closed = true;
                    }
                }
            }
        }
        if (isClosed()) {
            fail(result);
        }
        result.whenComplete((value, error) -> afterStep.run());
        return result;
    }

    /** A stage that completes as {@code stage} does, or with {@link ChannelClosedException} when the lane closes. */
    <T> CompletableFuture<T> guard(CompletionStage<T> stage) {
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (this) {
            if (!closed) {
                pending.add(result);
            }
        }
        if (isClosed()) {
            fail(result);
            return result;
        }
        stage.whenComplete((value, error) -> {
            forget(result);
            if (error == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(error);
            }
        });
        return result;
    }

    /**
     * No stage handed out is pending and no step waits: the last step has returned (its thread may still be on its
     * way out of the lane, which is why {@code running} does not count: this is asked from that step's completion).
     */
    synchronized boolean idle() {
        return steps.isEmpty() && pending.isEmpty();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Throws {@link ChannelClosedException} once the lane is closed: a step checks it before each storage round. */
    void checkOpen() {
        if (isClosed()) {
            throw new ChannelClosedException(channel);
        }
    }

    /**
     * No step starts from now on, a back-off ends at once, and every pending stage fails; returns at once. A step in
     * progress ends after its current storage round ({@link #awaitStopped} waits for that).
     */
    void close() {
        List<CompletableFuture<?>> failed;
        synchronized (this) {
            closed = true;
            steps.clear();
            failed = new ArrayList<>(pending);
            pending.clear();
        }
        retrier.stop();
        // completed outside the lock: their callbacks may come back to this lane
        failed.forEach(this::fail);
    }

    /** Waits until no step runs any more, or the deadline (System.nanoTime) passes; true if none runs. */
    synchronized boolean awaitStopped(long deadlineNanos) throws InterruptedException {
        long left;
        while (running && (left = deadlineNanos - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        return !running;
    }

    private void drain() {
        boolean released = false;
        try {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = closed ? null : steps.pollFirst();
                    if (next == null) {
                        // given up in the block that found nothing: a step submitted from now on starts a drain
                        running = false;
                        released = true;
                        notifyAll();
                        return;
                    }
                }
                next.run();
            }
        } finally {
            if (!released) {
                synchronized (this) {
                    running = false;
                    notifyAll();
                }
            }
        }
    }

    private <T> void run(String what, Retrier.Step<T> step, CompletableFuture<T> result) {
        try {
            Retrier.Done<T> done = retrier.run(step, (e, retryIn) -> LOG.warnf("channel %s: %s not done (%s);"
                    + " retrying in %d ms", channel, what, e.toString(), retryIn));
            forget(result);
            if (done == null) {
                fail(result);
            } else {
                result.complete(done.value());
            }
        } catch (RuntimeException | Error e) {
            // not an outage a retry waits out: later steps would build on a state that missed this one, so the lane
            // closes; the partition fetches the record again and a fresh lane starts from the stored state
            LOG.errorf(e, "channel %s: %s failed; the channel starts again from its stored state", channel, what);
            forget(result);
            close();
            result.completeExceptionally(e);
        }
    }

    private synchronized void forget(CompletableFuture<?> result) {
        pending.remove(result);
    }

    private void fail(CompletableFuture<?> result) {
        result.completeExceptionally(new ChannelClosedException(channel));
    }
}
