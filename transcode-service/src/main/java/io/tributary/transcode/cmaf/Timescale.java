package io.tributary.transcode.cmaf;

import java.time.Duration;

/**
 * A media timescale (ticks per second) and the exact conversions to and from it.
 *
 * <p>Every conversion starts from an absolute time, never from a sum of already rounded durations, so rounding
 * errors cannot accumulate along a session: the tick for millisecond {@code m} is always {@code round(m * rate /
 * 1000)} wherever it is computed, by whichever worker.
 */
public record Timescale(int ticksPerSecond) {

    public Timescale {
        if (ticksPerSecond <= 0) {
            throw new IllegalArgumentException("timescale must be positive: " + ticksPerSecond);
        }
    }

    /** Ticks for an absolute time in milliseconds, rounded half up. */
    public long fromMillis(long millis) {
        return Math.floorDiv(Math.multiplyExact(millis, (long) ticksPerSecond) + 500, 1000);
    }

    /** The duration of {@code ticks}, to the nanosecond (rounded down). */
    public Duration toDuration(long ticks) {
        long seconds = Math.floorDiv(ticks, ticksPerSecond);
        long remainder = Math.floorMod(ticks, ticksPerSecond);
        return Duration.ofSeconds(seconds, remainder * 1_000_000_000L / ticksPerSecond);
    }

    /** Ticks in {@code duration}, rounded half up. */
    public long fromDuration(Duration duration) {
        long seconds = duration.getSeconds();
        long nanos = duration.getNano();
        return Math.addExact(Math.multiplyExact(seconds, (long) ticksPerSecond),
                (nanos * ticksPerSecond + 500_000_000L) / 1_000_000_000L);
    }
}
