package io.tributary.archive.encode;

import io.tributary.ffmpeg.FfmpegException;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-encodes one GOP (a self-contained FLV stream) into a piece of the archive: video with libx264 at a constant
 * rate factor, audio copied, timestamps kept, so that the pieces of a session concatenate into one stream.
 *
 * <ul>
 *   <li>Audio is copied, not re-encoded: an AAC encoder started per GOP adds its priming samples to every piece,
 *       and the archive would drift by 1024 samples a GOP.</li>
 *   <li>{@code -copyts}, {@code -fps_mode passthrough} and the demuxer's millisecond time base for the encoder keep
 *       every frame at the source's own timestamp: no frame is dropped, doubled or moved to a frame-rate grid.</li>
 *   <li>B-frames make the first decode timestamps of a piece earlier than its first presentation timestamp, by the
 *       same delay in every piece, so decode timestamps run on from piece to piece. FLV cannot carry a negative
 *       timestamp, so every piece is shifted by {@link #TIMESTAMP_HEADROOM_SECONDS} (more than any encoder delay);
 *       the archive's timeline starts at zero anyway ({@code ArchiveTimeline}).</li>
 *   <li>{@code stitchable=1} tells x264 not to tune its headers to the content: every piece gets the same
 *       SPS/PPS, so the MP4's one sample description fits all of them.</li>
 * </ul>
 */
public final class GopEncoder implements PieceEncoder {
    /** Seconds added to every timestamp of a piece: x264's B-frame delay is a few frames, far below this. */
    public static final String TIMESTAMP_HEADROOM_SECONDS = "10";

    private final FfmpegRunner ffmpeg;
    private final int crf;
    private final String preset;
    private final int threads;
    private final Duration timeout;

    public GopEncoder(FfmpegRunner ffmpeg, int crf, String preset, int threads, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.crf = crf;
        this.preset = preset;
        this.threads = threads;
        this.timeout = timeout;
    }

    /**
     * The piece for {@code gopFlv}.
     *
     * @throws UnencodableGopException when ffmpeg refuses the GOP (retrying cannot help)
     * @throws FfmpegException         when ffmpeg could not run or finish in time (worth retrying)
     */
    @Override
    public byte[] encode(byte[] gopFlv) {
        ProcessResult r = ffmpeg.ffmpeg(timeout, gopFlv, arguments());
        if (!r.succeeded() || r.stdout().length == 0) {
            throw new UnencodableGopException("ffmpeg exited with " + r.exitCode() + ": " + r.stderrTail());
        }
        return r.stdout();
    }

    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of(
                "-v", "error",
                "-f", "flv", "-i", "pipe:0",
                "-copyts",
                "-map", "0:v?", "-map", "0:a?",
                "-c:v", "libx264", "-preset", preset, "-crf", Integer.toString(crf),
                // 4:2:0 8-bit plays everywhere (browsers included), whatever the source was
                "-pix_fmt", "yuv420p",
                "-x264-params", "stitchable=1"));
        if (threads > 0) {
            args.addAll(List.of("-threads:v", Integer.toString(threads)));
        }
        args.addAll(List.of(
                "-fps_mode:v", "passthrough",
                "-enc_time_base:v", "demux",
                "-c:a", "copy",
                "-output_ts_offset", TIMESTAMP_HEADROOM_SECONDS,
                "-f", "flv", "pipe:1"));
        return args;
    }
}
