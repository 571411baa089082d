package io.tributary.transcode.cmaf.box;

/** SampleDescriptionBox 'stsd' (ISO/IEC 14496-12 §8.5.2) with the track's one sample entry. */
public record StsdBox(SampleEntry entry) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.fullBox("stsd", 0, 0, () -> {
            out.u32(1); // entry_count
            out.write(entry);
        });
    }
}
