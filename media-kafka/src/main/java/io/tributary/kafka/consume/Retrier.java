package io.tributary.kafka.consume;

/**
 * Runs a step that fails while a dependency is away (object storage, Kafka) until it succeeds, waiting between
 * attempts a back-off that doubles from {@value #FIRST_BACKOFF_MILLIS} ms to {@value #MAX_BACKOFF_MILLIS} ms: short
 * enough that a blip costs a quarter of a second, long enough that an outage is not hammered. {@link #stop} ends a
 * back-off at once and any further attempt, so whoever owns the work (a partition's lane, a channel's) can let go of
 * it without waiting for the dependency to come back.
 */
public final class Retrier {
    public static final long FIRST_BACKOFF_MILLIS = 250;
    public static final long MAX_BACKOFF_MILLIS = 30_000;

    private boolean stopped;

    /** One attempt: returns its result, or throws when it must be tried again. */
    public interface Step<T> {
        T run() throws Exception;
    }

    /** Told of each failed attempt before the back-off (to log it: the step's owner knows what to name). */
    public interface FailureLog {
        void failed(Exception e, long retryInMillis);
    }

    /** The result of a step that succeeded. */
    public record Done<T>(T value) {
    }

    /** @return the step's result, or null when stopped (before an attempt or during a back-off) or interrupted */
    public <T> Done<T> run(Step<T> step, FailureLog log) {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (!stopped()) {
            try {
                return new Done<>(step.run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (Exception e) {
                if (stopped()) {
                    return null;
                }
                log.failed(e, backoff);
                if (!pause(backoff)) {
                    return null;
                }
                backoff = next(backoff);
            }
        }
        return null;
    }

    /** The back-off after {@code backoff}. */
    public static long next(long backoff) {
        return Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
    }

    /** Waits {@code millis}; false if stopped meanwhile (or before) or interrupted. */
    public synchronized boolean pause(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        try {
            long left;
            while (!stopped && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopped;
    }

    public synchronized boolean stopped() {
        return stopped;
    }

    /** No attempt starts from now on; a back-off in progress ends at once. */
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }
}
