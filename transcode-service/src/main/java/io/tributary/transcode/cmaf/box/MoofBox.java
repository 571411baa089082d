package io.tributary.transcode.cmaf.box;

/** MovieFragmentBox 'moof' (ISO/IEC 14496-12 §8.8.4). */
public record MoofBox(MfhdBox mfhd, TrafBox traf) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.box("moof", () -> out.write(mfhd).write(traf));
    }
}
