package io.tributary.thumbnail.render;

/**
 * The size of a picture made from a source of another size: the rules of ffmpeg's
 * {@code scale=w=trunc(min(W\,iw)/2)*2:h=-2} that the service has always used. Width {@code W} or the source's if that
 * is smaller (never upscaled), rounded down to even; height by the aspect ratio, rounded to the nearest even number
 * (libavfilter/scale_eval.c: {@code av_rescale(w, ih, iw * 2) * 2}). Pixel aspect ratio is not applied.
 */
record PictureSize(int width, int height) {

    /** @return the size, or null when the source is too small to give an even size of at least 2x2 */
    static PictureSize fitting(int maxWidth, int sourceWidth, int sourceHeight) {
        int width = Math.min(maxWidth, sourceWidth) / 2 * 2;
        if (width < 2 || sourceHeight < 1) {
            return null;
        }
        // av_rescale rounds to nearest, halves away from zero: (a * b + c / 2) / c
        long divisor = 2L * sourceWidth;
        int height = (int) ((width * (long) sourceHeight + divisor / 2) / divisor) * 2;
        return height < 2 ? null : new PictureSize(width, height);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
