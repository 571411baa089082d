package io.tributary.transcode.cmaf;

/** A video track: 90 kHz timescale, which holds FLV's millisecond timestamps exactly (1 ms = 90 ticks). */
public sealed interface VideoFormat extends TrackFormat permits AvcTrack, HevcTrack, Av1Track {
    /** The MPEG-2 systems clock; a multiple of every common frame rate's tick (24, 25, 30, 50, 60, and /1.001). */
    int TIMESCALE = 90_000;

    int width();

    int height();

    @Override
    default int timescale() {
        return TIMESCALE;
    }

    static void checkDimensions(int width, int height) {
        if (width <= 0 || width > 0xFFFF || height <= 0 || height > 0xFFFF) {
            throw new IllegalArgumentException("video size out of range: " + width + "x" + height);
        }
    }
}
