package io.tributary.transcode.cmaf;

/**
 * One coded frame as FLV times it: decode timestamp and composition offset in milliseconds. This is the
 * container-neutral input of {@link SampleConverter}; an FLV tag maps to it one to one.
 *
 * @param dtsMillis decode timestamp (FLV tag timestamp, extended to 64 bits by the reader)
 * @param compositionOffsetMillis presentation minus decode time (FLV AVC/HEVC CompositionTime, signed; 0 for audio)
 * @param keyframe a random access point (FLV frame type 1; every audio frame)
 * @param data the coded frame, as the sample payload ('mdat' format)
 */
public record AccessUnit(long dtsMillis, int compositionOffsetMillis, boolean keyframe, byte[] data) {

    public AccessUnit {
        if (data == null) {
            throw new IllegalArgumentException("access unit data is null");
        }
    }
}
