package io.tributary.transcode.cmaf.box;

import java.util.List;

/**
 * MediaDataBox 'mdat' (ISO/IEC 14496-12 §8.1.1): the samples of one fragment back to back, in 'trun' order. The
 * payloads are not copied: the caller must not change them while the box is alive.
 */
public record MdatBox(List<byte[]> payloads) implements Box {
    /** Size of the 'mdat' header: 32-bit size and type (segments stay far below 4 GiB). */
    public static final int HEADER_SIZE = 8;

    public MdatBox {
        payloads = List.copyOf(payloads);
    }

    @Override
    public void write(BoxWriter out) {
        out.box("mdat", () -> payloads.forEach(out::bytes));
    }
}
