package io.tributary.transcode.cmaf.box;

/** TrackBox 'trak' (ISO/IEC 14496-12 §8.3.1). */
public record TrakBox(TkhdBox tkhd, MdiaBox mdia) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.box("trak", () -> out.write(tkhd).write(mdia));
    }
}
