package io.tributary.transcode.cmaf.box;

/**
 * PixelAspectRatioBox 'pasp' (ISO/IEC 14496-12 §12.1.4). CMAF asks video sample entries to carry it
 * (ISO/IEC 23000-19, video track constraints); live sources are square-pixel, so the default is 1:1.
 */
public record PaspBox(long hSpacing, long vSpacing) implements Box {

    public static PaspBox square() {
        return new PaspBox(1, 1);
    }

    @Override
    public void write(BoxWriter out) {
        out.box("pasp", () -> out.u32(hSpacing).u32(vSpacing));
    }
}
