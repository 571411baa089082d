package io.tributary.transcode.manifest.dash;

/**
 * One segment of a representation's SegmentTimeline (ISO/IEC 23009-1 §5.3.9.6).
 *
 * @param number the $Number$ in its object name: the session's GOP sequence number
 * @param time its start (the 'tfdt' of the segment) in the template's timescale
 * @param duration its duration in the same timescale
 */
public record DashSegment(long number, long time, long duration) {

    public DashSegment {
        if (number < 0 || time < 0 || duration <= 0) {
            throw new IllegalArgumentException("bad segment: number " + number + ", t " + time + ", d " + duration);
        }
    }

    public long end() {
        return time + duration;
    }
}
