package io.tributary.transcode.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.transcode.cmaf.CmafInitSegmentWriter;
import io.tributary.transcode.cmaf.CmafSegment;
import io.tributary.transcode.cmaf.TrackFormat;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real parsers that judge the ladder's output: the bundled ffprobe and ffmpeg on init + media segments. */
final class LadderProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final FfmpegRunner FFMPEG = FfmpegRunner.bundled();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LadderProbe() {
    }

    /** A rendition's init segment and media segments back to back: one fragmented MP4 file. */
    static Path write(Path file, TrackFormat format, List<CmafSegment> segments) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(CmafInitSegmentWriter.write(format));
        for (CmafSegment s : segments) {
            out.write(s.bytes());
        }
        return Files.write(file, out.toByteArray());
    }

    /** ffprobe's first stream, with its frames counted by decoding. */
    static JsonNode videoStream(Path file) throws Exception {
        JsonNode probe = JSON.readTree(FFMPEG.probeJson(TIMEOUT, file, "-count_frames", "-select_streams", "v"));
        return probe.get("streams").get(0);
    }

    /** Each packet's {dts, pts} in the file's time base, in file order. */
    static List<long[]> packets(Path file) {
        ProcessResult r = FFMPEG.ffprobe(TIMEOUT, null, List.of("-v", "error", "-select_streams", "v",
                "-show_entries", "packet=dts,pts", "-of", "csv=p=0", file.toString()));
        assertEquals(0, r.exitCode(), r.stderrTail());
        List<long[]> packets = new ArrayList<>();
        for (String line : r.stdoutText().strip().split("\n")) {
            String[] f = line.strip().split(",");
            packets.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[0])});
        }
        return packets;
    }

    /** ffmpeg decodes the file to nothing and has nothing to say about it. */
    static void assertDecodesCleanly(Path file) {
        ProcessResult r = FFMPEG.ffmpeg(TIMEOUT, List.of("-v", "error", "-i", file.toString(), "-f", "null", "-"));
        assertEquals(0, r.exitCode(), r.stderrTail());
        assertEquals("", r.stderrTail(), "ffmpeg reported errors decoding " + file.getFileName());
    }

    /** The first picture of the file as 8-bit luma, {@code width * height} bytes. */
    static byte[] firstPictureLuma(Path file) {
        ProcessResult r = FFMPEG.ffmpeg(TIMEOUT, List.of("-v", "error", "-i", file.toString(), "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"));
        assertEquals(0, r.exitCode(), r.stderrTail());
        return r.stdout();
    }
}
