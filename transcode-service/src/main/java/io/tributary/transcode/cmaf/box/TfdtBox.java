package io.tributary.transcode.cmaf.box;

/**
 * TrackFragmentBaseMediaDecodeTimeBox 'tfdt', version 1 (ISO/IEC 14496-12 §8.8.12): the decode time of the
 * fragment's first sample in the track timescale, 64-bit so a 90 kHz clock never wraps.
 */
public record TfdtBox(long baseMediaDecodeTime) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.fullBox("tfdt", 1, 0, () -> out.u64(baseMediaDecodeTime));
    }
}
