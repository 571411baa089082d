package io.tributary.archive.assemble;

import java.util.List;

/**
 * The samples of one track in one movie fragment.
 *
 * @param baseMediaDecodeTime the first sample's decode time on the track's timeline ({@code tfdt}, §8.8.12)
 */
public record TrackRun(int trackId, long baseMediaDecodeTime, List<Mp4Sample> samples) {
    public TrackRun {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a track run needs at least one sample");
        }
        if (baseMediaDecodeTime < 0) {
            throw new IllegalArgumentException("decode time must not be negative: " + baseMediaDecodeTime);
        }
        samples = List.copyOf(samples);
    }

    /** Decode time after the last sample. */
    public long endDecodeTime() {
        return baseMediaDecodeTime + samples.stream().mapToLong(Mp4Sample::duration).sum();
    }
}
