package io.tributary.archive.assemble;

/**
 * One sample of a track run (ISO/IEC 14496-12 §8.8.8), timed in its track's timescale.
 *
 * @param duration          ticks until the next sample's decode time; positive
 * @param data              the sample as stored in {@code mdat}: length-prefixed NAL units, or one raw AAC frame
 * @param sync              a decoder can start here (every audio sample is)
 * @param compositionOffset presentation time minus decode time, in ticks; negative allowed (trun version 1)
 */
public record Mp4Sample(long duration, byte[] data, boolean sync, int compositionOffset) {
    public Mp4Sample {
        if (duration <= 0 || duration > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sample duration out of range: " + duration);
        }
    }
}
