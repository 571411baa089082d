package io.tributary.transcode.cmaf.box;

/**
 * TrackExtendsBox 'trex' (ISO/IEC 14496-12 §8.8.3). All defaults are zero: every 'trun' carries its own durations
 * and sizes, and a zero default_sample_flags reads as "sync sample, dependencies unknown" for runs (audio) that
 * carry no per-sample flags.
 */
public record TrexBox(long trackId) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.fullBox("trex", 0, 0, () -> {
            out.u32(trackId);
            out.u32(1); // default_sample_description_index
            out.u32(0); // default_sample_duration
            out.u32(0); // default_sample_size
            out.u32(0); // default_sample_flags
        });
    }
}
