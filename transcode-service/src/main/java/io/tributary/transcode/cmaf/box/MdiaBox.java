package io.tributary.transcode.cmaf.box;

/** MediaBox 'mdia' (ISO/IEC 14496-12 §8.4.1). */
public record MdiaBox(MdhdBox mdhd, HdlrBox hdlr, MinfBox minf) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.box("mdia", () -> out.write(mdhd).write(hdlr).write(minf));
    }
}
