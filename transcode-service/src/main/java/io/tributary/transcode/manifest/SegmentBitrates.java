package io.tributary.transcode.manifest;

import java.time.Duration;

/**
 * The bit rates a rendition's manifest entries declare, measured from its segments: the peak segment bit rate
 * (HLS BANDWIDTH, RFC 8216 §4.3.4.2; DASH @bandwidth) and the average over all segments (HLS AVERAGE-BANDWIDTH).
 *
 * <p>RFC 8216 measures the peak over runs of segments lasting 0.5 to 1.5 target durations; our segments are whole
 * GOPs of about one target duration, so the largest single segment rate is that peak.
 */
public record SegmentBitrates(long peakBitsPerSecond, long totalBytes, Duration totalDuration) {

    public static SegmentBitrates none() {
        return new SegmentBitrates(0, 0, Duration.ZERO);
    }

    /** These rates with one more segment of {@code bytes} lasting {@code duration}. */
    public SegmentBitrates add(long bytes, Duration duration) {
        if (bytes < 0 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("bad segment: " + bytes + " bytes in " + duration);
        }
        long rate = bitsPerSecond(bytes, duration);
        return new SegmentBitrates(Math.max(peakBitsPerSecond, rate), totalBytes + bytes, totalDuration.plus(duration));
    }

    /** Total bits over total duration, rounded up; 0 before any segment. */
    public long averageBitsPerSecond() {
        return totalDuration.isZero() ? 0 : bitsPerSecond(totalBytes, totalDuration);
    }

    private static long bitsPerSecond(long bytes, Duration duration) {
        long nanos = duration.toNanos();
        return Math.floorDiv(Math.multiplyExact(bytes, 8_000_000_000L) + nanos - 1, nanos);
    }
}
