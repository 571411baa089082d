package io.tributary.transcode.cmaf.box;

/** SoundMediaHeaderBox 'smhd' (ISO/IEC 14496-12 §12.2.2): centre balance. */
public record SmhdBox() implements MediaHeaderBox {

    @Override
    public void write(BoxWriter out) {
        out.fullBox("smhd", 0, 0, () -> out.i16(0).u16(0)); // balance, reserved
    }
}
