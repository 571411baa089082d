package io.tributary.transcode.cmaf.box;

/** The unity transformation matrix of 'mvhd' and 'tkhd' (ISO/IEC 14496-12 §6.2.2): 16.16 and 2.30 fixed point. */
final class IdentityMatrix {
    private static final long[] VALUES = {0x0001_0000L, 0, 0, 0, 0x0001_0000L, 0, 0, 0, 0x4000_0000L};

    private IdentityMatrix() {
    }

    static void write(BoxWriter out) {
        for (long v : VALUES) {
            out.u32(v);
        }
    }
}
