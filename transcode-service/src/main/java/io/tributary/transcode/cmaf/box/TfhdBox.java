package io.tributary.transcode.cmaf.box;

/**
 * TrackFragmentHeaderBox 'tfhd' (ISO/IEC 14496-12 §8.8.7) with only default-base-is-moof set: data offsets in
 * 'trun' count from the first byte of the enclosing 'moof', as CMAF requires (ISO/IEC 23000-19), and no
 * defaults are overridden (each 'trun' entry carries its own values).
 */
public record TfhdBox(long trackId) implements Box {
    public static final int DEFAULT_BASE_IS_MOOF = 0x020000;

    @Override
    public void write(BoxWriter out) {
        out.fullBox("tfhd", 0, DEFAULT_BASE_IS_MOOF, () -> out.u32(trackId));
    }
}
