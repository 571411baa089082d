package io.tributary.transcode.cmaf.box;

/**
 * SampleTableBox 'stbl' of a fragmented track (ISO/IEC 14496-12 §8.5.1): the sample description and empty
 * 'stts', 'stsc', 'stsz', 'stco' tables, since every sample lives in a movie fragment (ISO/IEC 23000-19: a CMAF
 * header has no samples).
 */
public record StblBox(StsdBox stsd) implements Box {

    @Override
    public void write(BoxWriter out) {
        out.box("stbl", () -> {
            out.write(stsd);
            out.fullBox("stts", 0, 0, () -> out.u32(0)); // entry_count
            out.fullBox("stsc", 0, 0, () -> out.u32(0)); // entry_count
            out.fullBox("stsz", 0, 0, () -> out.u32(0).u32(0)); // sample_size, sample_count
            out.fullBox("stco", 0, 0, () -> out.u32(0)); // entry_count
        });
    }
}
