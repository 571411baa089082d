package io.tributary.thumbnail.render;

import java.util.OptionalInt;

/**
 * How pictures are made.
 *
 * @param width      picture width in pixels, even; never more than the source's
 * @param smallWidth width of the second, small picture, if any; even
 * @param quality    JPEG quantiser scale as ffmpeg's {@code -q:v} for MJPEG, 2 (best) to 31
 */
public record RenderSettings(int width, OptionalInt smallWidth, int quality) {
    public RenderSettings {
        requireEvenWidth(width, "width");
        smallWidth.ifPresent(w -> requireEvenWidth(w, "small-width"));
        if (quality < 2 || quality > 31) {
            throw new IllegalArgumentException("tributary.thumbnail.quality must be 2..31 (ffmpeg -q:v): " + quality);
        }
    }

    private static void requireEvenWidth(int width, String name) {
        // 4:2:0 chroma is subsampled by two: encoders want even dimensions
        if (width < 2 || width % 2 != 0) {
            throw new IllegalArgumentException("tributary.thumbnail." + name + " must be even and at least 2: " + width);
        }
    }
}
