package io.tributary.thumbnail.render;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.util.Optional;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Turns a {@link Keyframe} into a JPEG, and optionally a second, small JPEG, with the FFmpeg libraries in this JVM
 * (no ffmpeg process).
 *
 * <p>The keyframe is decoded once ({@link KeyframeDecoder}); each picture is scaled from that decoded frame and
 * encoded ({@link JpegEncoder}): width {@link RenderSettings#width()} or the source's if that is smaller (never
 * upscaled), height by the aspect ratio ({@link PictureSize}). A keyframe the decoder cannot decode, or decodes with
 * errors, or whose picture is {@link BlankPicture blank}, gives a {@link Rendering.Rejected} and no picture.
 *
 * <p>Every native struct is freed before {@code render} returns, rejected or not. Thread-safe: nothing is shared
 * between calls. Blocking for a few milliseconds of CPU: call it on a worker thread.
 */
public final class JpegRenderer {
    private final RenderSettings settings;

    /** @throws IllegalStateException if FFmpeg's libraries cannot be loaded: at start-up, not at the first keyframe */
    public JpegRenderer(RenderSettings settings) {
        FfmpegLibraries.load();
        this.settings = settings;
    }

    public RenderSettings settings() {
        return settings;
    }

    public Rendering render(Keyframe keyframe) {
        AVFrame decoded = null;
        try {
            decoded = KeyframeDecoder.decode(keyframe);
            JpegEncoder.Encoded large = JpegEncoder.encode(decoded, size(decoded, settings.width()),
                    settings.quality());
            if (large.blank()) {
                return new Rendering.Rejected(RejectReason.BLANK, "picture at " + keyframe.ptsMillis()
                        + " ms is blank");
            }
            if (settings.smallWidth().isEmpty()) {
                return new Rendering.Rendered(large.picture(), Optional.empty());
            }
            JpegEncoder.Encoded small = JpegEncoder.encode(decoded, size(decoded, settings.smallWidth().getAsInt()),
                    settings.quality());
            return new Rendering.Rendered(large.picture(), Optional.of(small.picture()));
        } catch (RenderFailure e) {
            return e.rejected();
        } finally {
            if (decoded != null) {
                av_frame_free(decoded);
            }
        }
    }

    private static PictureSize size(AVFrame decoded, int width) throws RenderFailure {
        PictureSize size = PictureSize.fitting(width, decoded.width(), decoded.height());
        if (size == null) {
            throw new RenderFailure(RejectReason.UNDECODABLE, "a " + decoded.width() + "x" + decoded.height()
                    + " picture is too small for a thumbnail");
        }
        return size;
    }
}
