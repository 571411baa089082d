package io.tributary.archive.assemble;

/**
 * One sample of a track run (ISO/IEC 14496-12 §8.8.8), timed in its track's timescale.
 *
 * @param duration          ticks until the next sample's decode time; positive
 * @param size              the sample's bytes in {@code mdat}
 * @param data              the sample as stored in {@code mdat}: length-prefixed NAL units, or one raw AAC frame; null
 *                          once its bytes were set aside ({@link #withoutData}), the {@code moof} needing its size only
 * @param sync              a decoder can start here (every audio sample is)
 * @param compositionOffset presentation time minus decode time, in ticks; negative allowed (trun version 1)
 */
public record Mp4Sample(long duration, int size, byte[] data, boolean sync, int compositionOffset) {
    public Mp4Sample {
        if (duration <= 0 || duration > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sample duration out of range: " + duration);
        }
        if (data != null && data.length != size) {
            throw new IllegalArgumentException("a sample of " + data.length + " bytes said to weigh " + size);
        }
    }

    public Mp4Sample(long duration, byte[] data, boolean sync, int compositionOffset) {
        this(duration, data.length, data, sync, compositionOffset);
    }

    /**
     * A duration a sample can carry, from the ticks until the next sample: at least one (two frames on one
     * millisecond of a variable-rate source still need a positive duration), at most the 32 bits a {@code trun} holds.
     * Only an already-broken gap is shortened by the upper bound (a timestamp jump of the source, over 13 hours at
     * 90 kHz): each fragment's {@code tfdt} anchors its samples on the timeline again, so the next fragment still
     * starts where the timestamps say, and the session's end archives rather than fails on every attempt.
     */
    public static long clampedDuration(long ticks) {
        return Math.min(Math.max(1, ticks), 0xFFFF_FFFFL);
    }

    /** The same sample lasting {@code ticks}. */
    Mp4Sample lasting(long ticks) {
        return new Mp4Sample(ticks, size, data, sync, compositionOffset);
    }

    /** The same sample without its bytes: what a {@code moof} says of it. */
    Mp4Sample withoutData() {
        return new Mp4Sample(duration, size, null, sync, compositionOffset);
    }
}
