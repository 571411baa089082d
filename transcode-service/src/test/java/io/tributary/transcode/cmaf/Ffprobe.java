package io.tributary.transcode.cmaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The real parsers that judge our output in the integration tests: the bundled ffprobe and ffmpeg. */
final class Ffprobe {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final FfmpegRunner FFMPEG = FfmpegRunner.bundled();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Ffprobe() {
    }

    static FfmpegRunner runner() {
        return FFMPEG;
    }

    /** ffprobe's streams and format, with frames counted by decoding. */
    static JsonNode probe(Path source) throws Exception {
        return probe(source, true);
    }

    /** Without counting frames, ffprobe reads only the start: the way to probe a live presentation. */
    static JsonNode probe(Path source, boolean countFrames) throws Exception {
        String[] extra = countFrames ? new String[] {"-count_frames"} : new String[0];
        return JSON.readTree(FFMPEG.probeJson(TIMEOUT, source, extra));
    }

    /**
     * Frames decoded from the first stream of a type ({@code v} or {@code a}), read alone: reading both, ffmpeg's HLS
     * and DASH demuxers stop at the end of the shorter track and leave out audio that runs past the last video frame.
     */
    static int framesOf(Path source, String streamType) throws Exception {
        JsonNode probe = JSON.readTree(FFMPEG.probeJson(TIMEOUT, source, "-count_frames", "-select_streams", streamType));
        return probe.get("streams").get(0).get("nb_read_frames").asInt();
    }

    static JsonNode stream(JsonNode probe, String codecType) {
        for (JsonNode s : probe.get("streams")) {
            if (codecType.equals(s.get("codec_type").asText())) {
                return s;
            }
        }
        throw new AssertionError("no " + codecType + " stream in " + probe);
    }

    /** ffmpeg decodes every stream of {@code source} to nothing and has nothing to say about it. */
    static void assertDecodesCleanly(Path source) {
        ProcessResult r = FFMPEG.ffmpeg(TIMEOUT, List.of("-v", "error", "-i", source.toString(), "-map", "0",
                "-f", "null", "-"));
        assertEquals(0, r.exitCode(), r.stderrTail());
        assertEquals("", r.stderrTail(), "ffmpeg reported errors decoding " + source.getFileName());
    }
}
