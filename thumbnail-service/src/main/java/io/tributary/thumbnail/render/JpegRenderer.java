package io.tributary.thumbnail.render;

import io.tributary.ffmpeg.FfmpegException;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link Keyframe} into a JPEG with ffmpeg, and optionally a second, small JPEG from the first.
 *
 * <p>One ffmpeg run decodes the keyframe and scales it: width {@link RenderSettings#width()} or the source's if that
 * is smaller (never upscaled), height by the aspect ratio rounded to even ({@code -2}). The small picture is scaled
 * from the large JPEG by a second, cheaper run rather than decoding the keyframe again. Every picture is read back
 * ({@link JpegInspection}) before it is accepted.
 *
 * <p>Blocking, for a few tens of milliseconds: call it on a worker thread.
 */
public final class JpegRenderer {
    /** ffmpeg's last words kept for a log line. */
    private static final int DETAIL_CHARS = 300;

    private final FfmpegRunner ffmpeg;
    private final RenderSettings settings;

    public JpegRenderer(FfmpegRunner ffmpeg, RenderSettings settings) {
        this.ffmpeg = ffmpeg;
        this.settings = settings;
    }

    public RenderSettings settings() {
        return settings;
    }

    /** @throws InterruptedException if the thread was interrupted while ffmpeg ran (ffmpeg is killed) */
    public Rendering render(Keyframe keyframe) throws InterruptedException {
        Step large = run(keyframe.flv(), "flv", settings.width());
        if (large.rejected != null) {
            return large.rejected;
        }
        if (large.inspected.blank()) {
            return new Rendering.Rejected(RejectReason.BLANK, "picture at " + keyframe.ptsMillis() + " ms is blank");
        }
        Picture picture = large.picture();
        if (settings.smallWidth().isEmpty()) {
            return new Rendering.Rendered(picture, Optional.empty());
        }
        Step small = run(picture.jpeg(), "mjpeg", settings.smallWidth().getAsInt());
        if (small.rejected != null) {
            return small.rejected;
        }
        return new Rendering.Rendered(picture, Optional.of(small.picture()));
    }

    /** ffmpeg arguments: read {@code format} on stdin, write one scaled MJPEG picture on stdout. */
    List<String> arguments(String format, int width) {
        return List.of(
                // each line tagged with its level, down to warnings: how damage shows (see DecoderLog)
                "-loglevel", "level+warning",
                // one frame: nothing to spread over threads, and many ffmpeg processes run at once
                "-threads", "1",
                "-f", format, "-i", "pipe:0",
                "-frames:v", "1",
                // min(): never upscale; trunc(/2)*2: even width; -2: even height keeping the aspect ratio
                "-vf", "scale=w=trunc(min(" + width + "\\,iw)/2)*2:h=-2",
                "-q:v", Integer.toString(settings.quality()),
                "-f", "mjpeg", "pipe:1");
    }

    private Step run(byte[] input, String format, int width) throws InterruptedException {
        ProcessResult result;
        try {
            result = ffmpeg.ffmpeg(settings.timeout(), input, arguments(format, width));
        } catch (FfmpegException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while ffmpeg ran");
            }
            return Step.rejected(RejectReason.FFMPEG_FAILED, e.getMessage());
        }
        if (!result.succeeded() || result.stdout().length == 0) {
            return Step.rejected(RejectReason.UNDECODABLE, "ffmpeg exited with " + result.exitCode() + ": "
                    + lastWords(result.stderrTail()));
        }
        String damage = DecoderLog.damage(result.stderrTail());
        if (!damage.isEmpty()) {
            // the decoder concealed errors: part of the picture is invented
            return Step.rejected(RejectReason.DAMAGED, lastWords(damage));
        }
        try {
            return new Step(result.stdout(), JpegInspection.inspect(result.stdout()), null);
        } catch (IOException e) {
            return Step.rejected(RejectReason.UNDECODABLE, "ffmpeg wrote no usable JPEG: " + e.getMessage());
        }
    }

    private static String lastWords(String stderr) {
        String s = stderr.strip().replaceAll("\\s+", " ");
        return s.length() <= DETAIL_CHARS ? s : "…" + s.substring(s.length() - DETAIL_CHARS);
    }

    /** One ffmpeg run's outcome: a read-back JPEG, or why there is none. */
    private record Step(byte[] jpeg, JpegInspection.Result inspected, Rendering.Rejected rejected) {
        static Step rejected(RejectReason reason, String detail) {
            return new Step(null, null, new Rendering.Rejected(reason, detail));
        }

        Picture picture() {
            return new Picture(jpeg, inspected.width(), inspected.height());
        }
    }
}
