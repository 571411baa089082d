package io.tributary.transcode.cmaf.box;

/**
 * TrackHeaderBox 'tkhd', version 0 (ISO/IEC 14496-12 §8.3.2), with flags track_enabled | track_in_movie.
 *
 * @param volume 0x0100 (1.0, 8.8 fixed point) for audio, 0 for video
 * @param width presentation width in pixels, 0 for audio (written as 16.16 fixed point)
 * @param height presentation height in pixels, 0 for audio
 */
public record TkhdBox(long trackId, long duration, int volume, int width, int height) implements Box {
    /** track_enabled (0x1) | track_in_movie (0x2). */
    public static final int FLAGS = 0x000003;

    @Override
    public void write(BoxWriter out) {
        out.fullBox("tkhd", 0, FLAGS, () -> {
            out.u32(0).u32(0); // creation_time, modification_time
            out.u32(trackId);
            out.u32(0); // reserved
            out.u32(duration);
            out.u32(0).u32(0); // reserved
            out.i16(0).i16(0); // layer, alternate_group
            out.u16(volume);
            out.u16(0); // reserved
            IdentityMatrix.write(out);
            out.u32((long) width << 16).u32((long) height << 16);
        });
    }
}
