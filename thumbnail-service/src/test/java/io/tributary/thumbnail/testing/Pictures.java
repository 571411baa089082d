package io.tributary.thumbnail.testing;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What tests ask of a picture, answered by ffprobe and ffmpeg themselves rather than by the code under test. */
public final class Pictures {
    /** Generous: the test machine is shared and busy. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static FfmpegRunner ffmpeg;

    private Pictures() {
    }

    /** What ffprobe sees in a picture. */
    public record Probe(String codec, int width, int height) {
    }

    public static Probe probe(byte[] jpeg) {
        ProcessResult r = runner().ffprobe(TIMEOUT, jpeg, List.of("-v", "error", "-f", "image2pipe",
                "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", "pipe:0"));
        if (!r.succeeded()) {
            throw new AssertionError("ffprobe cannot read the picture: " + r.stderrTail());
        }
        String[] fields = r.stdoutText().strip().split(",");
        return new Probe(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2]));
    }

    /** The picture decoded by ffmpeg to 8-bit grey, one byte per pixel. */
    public static byte[] gray(byte[] jpeg) {
        ProcessResult r = runner().ffmpeg(TIMEOUT, jpeg, List.of("-v", "error", "-f", "image2pipe", "-i", "pipe:0",
                "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"));
        if (!r.succeeded()) {
            throw new AssertionError("ffmpeg cannot decode the picture: " + r.stderrTail());
        }
        return r.stdout();
    }

    /** Frame number {@code frame} of the clip (counted from 0), as ffmpeg extracts it, scaled, in 8-bit grey. */
    public static byte[] sourceFrame(Path clip, int frame, int width, int height) {
        ProcessResult r = runner().ffmpeg(TIMEOUT, List.of("-v", "error", "-i", clip.toString(),
                "-vf", "select=eq(n\\," + frame + "),scale=" + width + ":" + height,
                "-fps_mode", "passthrough", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"));
        if (!r.succeeded() || r.stdout().length != width * height) {
            throw new AssertionError("ffmpeg cannot extract frame " + frame + ": " + r.stderrTail());
        }
        return r.stdout();
    }

    /** Mean absolute difference of two grey pictures of the same size, 0 (identical) to 255. */
    public static double meanAbsoluteDifference(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new AssertionError("pictures of different sizes: " + a.length + " and " + b.length + " pixels");
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / a.length;
    }

    public static synchronized FfmpegRunner runner() {
        if (ffmpeg == null) {
            ffmpeg = FfmpegRunner.bundled();
        }
        return ffmpeg;
    }
}
