package io.tributary.transcode.cmaf.box;

/** MovieBox 'moov' (ISO/IEC 14496-12 §8.2.1) of a CMAF header: one track, plus 'mvex'. */
public record MoovBox(MvhdBox mvhd, TrakBox trak, MvexBox mvex) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.box("moov", () -> out.write(mvhd).write(trak).write(mvex));
    }
}
