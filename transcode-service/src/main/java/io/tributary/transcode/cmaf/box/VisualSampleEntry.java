package io.tributary.transcode.cmaf.box;

import java.util.List;

/**
 * VisualSampleEntry (ISO/IEC 14496-12 §12.1.3) followed by its boxes: the decoder configuration ('avcC' for avc1,
 * ISO/IEC 14496-15 §5.4.2; 'hvcC' for hvc1, §8.4.1; 'av1C' for av01, AV1-ISOBMFF §2.3) and 'pasp'.
 */
public record VisualSampleEntry(String format, int width, int height, List<Box> boxes) implements SampleEntry {

    public VisualSampleEntry {
        boxes = List.copyOf(boxes);
    }

    @Override
    public void write(BoxWriter out) {
        out.box(format, () -> {
            out.zeros(6); // reserved
            out.u16(1); // data_reference_index: the 'url ' entry of 'dref'
            out.u16(0).u16(0); // pre_defined, reserved
            out.zeros(12); // pre_defined[3]
            out.u16(width).u16(height);
            out.u32(0x0048_0000L).u32(0x0048_0000L); // horiz/vertresolution: 72 dpi
            out.u32(0); // reserved
            out.u16(1); // frame_count: one frame per sample
            out.zeros(32); // compressorname: empty Pascal string, zero padded
            out.u16(0x0018); // depth: colour, no alpha
            out.i16(-1); // pre_defined
            boxes.forEach(out::write);
        });
    }
}
