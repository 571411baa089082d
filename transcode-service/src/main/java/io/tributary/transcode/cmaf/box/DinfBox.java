package io.tributary.transcode.cmaf.box;

/**
 * DataInformationBox 'dinf' holding a DataReferenceBox 'dref' with one self-contained 'url ' entry
 * (ISO/IEC 14496-12 §8.7.1, §8.7.2): the media is in the same file as the box that describes it.
 */
public record DinfBox() implements Box {
    /** 'url ' flag: the media data is in the same file. */
    static final int SELF_CONTAINED = 0x000001;

    @Override
    public void write(BoxWriter out) {
        out.box("dinf", () -> out.fullBox("dref", 0, 0, () -> {
            out.u32(1); // entry_count
            out.fullBox("url ", 0, SELF_CONTAINED, () -> { });
        }));
    }
}
