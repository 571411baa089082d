package io.tributary.transcode.cmaf;

/**
 * One media sample of a track (a video access unit, an audio frame), with times in the track's timescale.
 *
 * <p>{@code data} is written to 'mdat' as it is: length-prefixed NAL units for AVC/HEVC, OBUs for AV1, raw frames
 * for AAC and Opus. It is not copied.
 *
 * @param decodeTime decode time on the track's continuous timeline
 * @param compositionOffset presentation time minus decode time (signed: 'trun' version 1)
 * @param sync a sync sample (random access point: an IDR/IRAP picture, every audio frame)
 * @param duration decode time of the next sample minus this one's
 */
public record Sample(long decodeTime, int compositionOffset, boolean sync, int duration, byte[] data) {

    public Sample {
        if (decodeTime < 0) {
            throw new IllegalArgumentException("negative decode time " + decodeTime);
        }
        if (duration < 0) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        if (data == null) {
            throw new IllegalArgumentException("sample data is null");
        }
    }

    public long presentationTime() {
        return decodeTime + compositionOffset;
    }
}
