package io.tributary.archive.encode;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * SSIM of a re-encoded piece against the GOP it came from, with ffmpeg's {@code ssim} filter (the mean over frames of
 * the Y, U and V SSIM weighted by plane size, ffmpeg's "All"). Both streams are moved to start at zero first: the
 * piece carries the encoder's timestamp headroom.
 */
public final class SsimMeter {
    private static final Logger LOG = Logger.getLogger(SsimMeter.class);
    private static final Pattern ALL = Pattern.compile("SSIM .* All:([0-9.]+)");

    private final FfmpegRunner ffmpeg;
    private final Path scratchDir;
    private final Duration timeout;

    public SsimMeter(FfmpegRunner ffmpeg, Path scratchDir, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.scratchDir = scratchDir;
        this.timeout = timeout;
    }

    /** The SSIM, or empty when it could not be measured (logged: a sample is never worth failing a GOP for). */
    public OptionalDouble measure(byte[] sourceFlv, byte[] pieceFlv) {
        Path piece = null;
        try {
            Files.createDirectories(scratchDir);
            piece = Files.createTempFile(scratchDir, "ssim-", ".flv");
            Files.write(piece, pieceFlv);
            ProcessResult r = ffmpeg.ffmpeg(timeout, sourceFlv, List.of("-nostats", "-v", "info",
                    "-f", "flv", "-i", piece.toString(), "-f", "flv", "-i", "pipe:0",
                    "-lavfi", "[0:v]setpts=PTS-STARTPTS[a];[1:v]setpts=PTS-STARTPTS[b];[a][b]ssim",
                    "-f", "null", "-"));
            Matcher m = ALL.matcher(r.stderrTail());
            if (r.succeeded() && m.find()) {
                return OptionalDouble.of(Double.parseDouble(m.group(1)));
            }
            LOG.debugf("no SSIM sample (exit %d)", r.exitCode());
        } catch (IOException | RuntimeException e) {
            LOG.debugf("no SSIM sample: %s", e.toString());
        } finally {
            if (piece != null) {
                piece.toFile().delete();
            }
        }
        return OptionalDouble.empty();
    }
}
