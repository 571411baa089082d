package io.tributary.transcode.ladder;

/**
 * One video rendition of a channel's ladder, sized for a given source.
 *
 * @param name the rendition's name: its folder under {@code live/{channel}/}, its DASH Representation id
 * @param width even, as 4:2:0 chroma needs
 * @param height even
 * @param bitsPerSecond the encoder's target bit rate; 0 for the source, which is not encoded
 * @param passthrough the source itself, packaged as published
 */
public record Rung(String name, int width, int height, long bitsPerSecond, boolean passthrough) {
    /** The name of the source rendition: the published video, packaged without re-encoding. */
    public static final String SOURCE = "source";

    public Rung {
        if (name == null || name.isBlank() || name.chars().anyMatch(c -> c == '/' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a rung needs a plain name: " + name);
        }
        if (width <= 0 || height <= 0 || bitsPerSecond < 0 || (!passthrough && bitsPerSecond == 0)) {
            throw new IllegalArgumentException("bad rung " + name + ": " + width + "x" + height + " at "
                    + bitsPerSecond + " b/s");
        }
    }

    public static Rung source(int width, int height) {
        return new Rung(SOURCE, width, height, 0, true);
    }

    public static Rung encoded(String name, int width, int height, long bitsPerSecond) {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("an encoded rung needs an even size: " + width + "x" + height);
        }
        return new Rung(name, width, height, bitsPerSecond, false);
    }
}
