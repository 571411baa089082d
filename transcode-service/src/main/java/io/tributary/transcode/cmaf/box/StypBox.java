package io.tributary.transcode.cmaf.box;

import java.util.List;

/**
 * SegmentTypeBox 'styp' (ISO/IEC 14496-12 §8.16.2): same layout as 'ftyp', first box of a media segment stored as
 * its own file.
 */
public record StypBox(String majorBrand, long minorVersion, List<String> compatibleBrands) implements Box {

    public StypBox {
        compatibleBrands = List.copyOf(compatibleBrands);
    }

    @Override
    public void write(BoxWriter out) {
        out.box("styp", () -> {
            out.fourCc(majorBrand).u32(minorVersion);
            compatibleBrands.forEach(out::fourCc);
        });
    }
}
