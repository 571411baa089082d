package io.tributary.transcode.manifest.dash;

import java.time.Duration;

/**
 * The MPD-level timing of a live presentation (ISO/IEC 23009-1 §5.3.1.2, Table 3).
 *
 * @param minimumUpdatePeriod how often players re-fetch the MPD: one segment, since each new segment changes it
 * @param timeShiftBufferDepth how far behind the live edge segments stay listed: the sliding window
 * @param suggestedPresentationDelay how far behind the live edge players should play
 * @param minBufferTime the buffer a player needs before it starts (MPD@minBufferTime, required in every MPD)
 */
public record DashLiveTiming(Duration minimumUpdatePeriod, Duration timeShiftBufferDepth,
                             Duration suggestedPresentationDelay, Duration minBufferTime) {

    /**
     * Timing for segments of {@code segmentDuration} in a window of {@code windowSegments}: update every segment,
     * play three segments behind the edge (as HLS players do, RFC 8216 §6.3.3), buffer one segment.
     */
    public static DashLiveTiming forSegments(Duration segmentDuration, int windowSegments) {
        return new DashLiveTiming(segmentDuration, segmentDuration.multipliedBy(windowSegments),
                segmentDuration.multipliedBy(3), segmentDuration);
    }
}
