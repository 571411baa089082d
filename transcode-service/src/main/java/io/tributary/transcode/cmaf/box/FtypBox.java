package io.tributary.transcode.cmaf.box;

import java.util.List;

/** FileTypeBox 'ftyp' (ISO/IEC 14496-12 §4.3): the brands an init segment conforms to. */
public record FtypBox(String majorBrand, long minorVersion, List<String> compatibleBrands) implements Box {

    public FtypBox {
        compatibleBrands = List.copyOf(compatibleBrands);
    }

    @Override
    public void write(BoxWriter out) {
        out.box("ftyp", () -> {
            out.fourCc(majorBrand).u32(minorVersion);
            compatibleBrands.forEach(out::fourCc);
        });
    }
}
