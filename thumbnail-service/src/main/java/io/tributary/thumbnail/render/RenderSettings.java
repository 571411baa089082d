package io.tributary.thumbnail.render;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * How pictures are made.
 *
 * @param width      picture width in pixels, even; never more than the source's
 * @param smallWidth width of the second, small picture, if any; even
 * @param quality    ffmpeg {@code -q:v} for the MJPEG encoder, 2 (best) to 31
 * @param timeout    the longest one ffmpeg run may take
 */
public record RenderSettings(int width, OptionalInt smallWidth, int quality, Duration timeout) {
    public RenderSettings {
        requireEvenWidth(width, "width");
        smallWidth.ifPresent(w -> requireEvenWidth(w, "small-width"));
        if (quality < 2 || quality > 31) {
            throw new IllegalArgumentException("tributary.thumbnail.quality must be 2..31 (ffmpeg -q:v): " + quality);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("tributary.thumbnail.decode-timeout must be positive: " + timeout);
        }
    }

    private static void requireEvenWidth(int width, String name) {
        // 4:2:0 chroma is subsampled by two: encoders want even dimensions
        if (width < 2 || width % 2 != 0) {
            throw new IllegalArgumentException("tributary.thumbnail." + name + " must be even and at least 2: " + width);
        }
    }
}
