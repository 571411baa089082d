package io.tributary.thumbnail.render;

/**
 * Tells a blank picture from a real one by its luma: blank when nearly every sample is within a few levels of the
 * mean. That is a black frame (a fade, a scene switch, a camera warming up), one flat colour (a test card's
 * background, a "be right back" slate without text) and the uniform grey a decoder conceals a broken keyframe with.
 * None of them tells a viewer what the stream shows, so the next keyframe is tried instead.
 */
public final class BlankPicture {
    /**
     * Luma levels (of 255) a sample may be from the mean and still count as "the same": above JPEG and sensor noise
     * on a flat area (2–6 levels), below the contrast of any visible detail.
     */
    static final int TOLERANCE = 10;
    /** Share of samples that must be "the same" for a blank picture: ffmpeg's blackframe filter also uses 98%. */
    static final double BLANK_SHARE = 0.98;

    private BlankPicture() {
    }

    /** @param luma samples, 0..255 each; an empty array is blank */
    public static boolean isBlank(int[] luma) {
        if (luma.length == 0) {
            return true;
        }
        long sum = 0;
        for (int y : luma) {
            sum += y;
        }
        double mean = (double) sum / luma.length;
        int same = 0;
        for (int y : luma) {
            if (Math.abs(y - mean) <= TOLERANCE) {
                same++;
            }
        }
        return same >= BLANK_SHARE * luma.length;
    }
}
