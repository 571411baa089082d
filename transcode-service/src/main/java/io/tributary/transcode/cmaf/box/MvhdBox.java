package io.tributary.transcode.cmaf.box;

/**
 * MovieHeaderBox 'mvhd', version 0 (ISO/IEC 14496-12 §8.2.2). A fragmented live movie has duration 0: its length is
 * only known from the fragments (ISO/IEC 23000-19, CMAF header constraints).
 */
public record MvhdBox(long timescale, long duration, long nextTrackId) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.fullBox("mvhd", 0, 0, () -> {
            out.u32(0).u32(0); // creation_time, modification_time: unknown
            out.u32(timescale).u32(duration);
            out.u32(0x0001_0000L); // rate 1.0 (16.16)
            out.u16(0x0100); // volume 1.0 (8.8)
            out.u16(0).u32(0).u32(0); // reserved
            IdentityMatrix.write(out);
            out.zeros(24); // pre_defined[6]
            out.u32(nextTrackId);
        });
    }
}
