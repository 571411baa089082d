package io.tributary.transcode.cmaf.box;

/**
 * MediaHeaderBox 'mdhd', version 0 (ISO/IEC 14496-12 §8.4.2): the track's timescale and its ISO 639-2/T language
 * packed as three 5-bit letters (each letter minus 0x60).
 */
public record MdhdBox(long timescale, long duration, String language) implements Box {

    public MdhdBox {
        if (language.length() != 3 || !language.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            throw new IllegalArgumentException("language must be three lower-case ISO 639-2/T letters: " + language);
        }
    }

    @Override
    public void write(BoxWriter out) {
        out.fullBox("mdhd", 0, 0, () -> {
            out.u32(0).u32(0); // creation_time, modification_time
            out.u32(timescale).u32(duration);
            out.u16(packedLanguage());
            out.u16(0); // pre_defined
        });
    }

    int packedLanguage() {
        return ((language.charAt(0) - 0x60) << 10) | ((language.charAt(1) - 0x60) << 5) | (language.charAt(2) - 0x60);
    }
}
