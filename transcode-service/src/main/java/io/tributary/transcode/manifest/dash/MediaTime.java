package io.tributary.transcode.manifest.dash;

import java.time.Duration;

/** Exact conversions between a timescale's ticks and {@link Duration}s. */
final class MediaTime {

    private MediaTime() {
    }

    /** The duration of {@code ticks} (may be negative), to the nanosecond, rounded down. */
    static Duration toDuration(long ticks, int timescale) {
        long seconds = Math.floorDiv(ticks, timescale);
        long remainder = Math.floorMod(ticks, timescale);
        return Duration.ofSeconds(seconds, remainder * 1_000_000_000L / timescale);
    }

    /** Ticks in {@code duration}, rounded half up. */
    static long toTicks(Duration duration, int timescale) {
        long nanos = duration.getNano();
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), (long) timescale),
                (nanos * timescale + 500_000_000L) / 1_000_000_000L);
    }
}
