package io.tributary.transcode.cmaf.box;

/** MovieFragmentHeaderBox 'mfhd' (ISO/IEC 14496-12 §8.8.5): the fragment's sequence number, increasing. */
public record MfhdBox(long sequenceNumber) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.fullBox("mfhd", 0, 0, () -> out.u32(sequenceNumber));
    }
}
