package io.tributary.ingest.session;

import java.util.OptionalLong;

/**
 * Media bitrate over consecutive fixed windows: bytes are added as they arrive; at the end of each window
 * {@link #tick} reports that window's average in bits per second. A window, rather than per-message rates, so that a
 * keyframe burst is averaged with the frames around it.
 */
final class BitrateMeter {

    private final long windowMillis;
    private long windowStart;
    private long bytes;

    BitrateMeter(long windowMillis, long nowMillis) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window must be positive: " + windowMillis);
        }
        this.windowMillis = windowMillis;
        this.windowStart = nowMillis;
    }

    void add(long mediaBytes) {
        bytes += mediaBytes;
    }

    /** The finished window's bits per second, if one finished by {@code nowMillis}. */
    OptionalLong tick(long nowMillis) {
        long elapsed = nowMillis - windowStart;
        if (elapsed < windowMillis) {
            return OptionalLong.empty();
        }
        long bitsPerSecond = bytes * 8 * 1000 / elapsed;
        windowStart = nowMillis;
        bytes = 0;
        return OptionalLong.of(bitsPerSecond);
    }
}
