package io.tributary.transcode.cmaf.box;

/** VideoMediaHeaderBox 'vmhd' (ISO/IEC 14496-12 §12.1.2): flags 1, copy graphics mode, no opcolor. */
public record VmhdBox() implements MediaHeaderBox {

    @Override
    public void write(BoxWriter out) {
        out.fullBox("vmhd", 0, 1, () -> out.u16(0).u16(0).u16(0).u16(0)); // graphicsmode, opcolor[3]
    }
}
