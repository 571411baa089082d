package io.tributary.transcode.cmaf;

import java.time.Duration;

/**
 * A written media segment and the facts the manifests need about it.
 *
 * @param sequenceNumber the segment's number in its session (the GOP sequence number; object name {@code
 *     {sessionId}-{sequenceNumber}.m4s})
 * @param baseMediaDecodeTime the 'tfdt' value: decode time of the first sample, in {@code timescale} ticks
 * @param duration sum of the sample durations, in ticks; the next segment of the track starts at
 *     {@code baseMediaDecodeTime + duration} when the timeline has no gap
 * @param independent the first sample is a sync sample, so the segment decodes without its predecessors
 * @param bytes {@code styp + moof + mdat}
 */
public record CmafSegment(long sequenceNumber, long baseMediaDecodeTime, long duration, int timescale,
                          int sampleCount, boolean independent, byte[] bytes) {

    public long endTime() {
        return baseMediaDecodeTime + duration;
    }

    public Duration mediaDuration() {
        return new Timescale(timescale).toDuration(duration);
    }
}
