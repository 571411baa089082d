package io.tributary.transcode.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real players that judge the service's output over HTTP: the bundled ffprobe and ffmpeg, given URLs. */
public final class Probe {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final FfmpegRunner FFMPEG = FfmpegRunner.bundled();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Probe() {
    }

    public static FfmpegRunner runner() {
        return FFMPEG;
    }

    /** ffprobe's streams and format of {@code url}. */
    public static JsonNode probe(String url, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-v", "error", "-print_format", "json", "-show_format",
                "-show_streams"));
        args.addAll(List.of(extra));
        args.add(url);
        ProcessResult r = FFMPEG.ffprobe(TIMEOUT, null, args);
        assertEquals(0, r.exitCode(), "ffprobe " + url + ": " + r.stderrTail());
        return JSON.readTree(r.stdoutText());
    }

    /** Frames decoded from the first stream of a type ({@code v} or {@code a}) of {@code url}. */
    public static int frames(String url, String streamType) throws Exception {
        return probe(url, "-count_frames", "-select_streams", streamType).get("streams").get(0)
                .get("nb_read_frames").asInt();
    }

    public static JsonNode stream(JsonNode probe, String codecType) {
        for (JsonNode s : probe.get("streams")) {
            if (codecType.equals(s.get("codec_type").asText())) {
                return s;
            }
        }
        throw new AssertionError("no " + codecType + " stream in " + probe);
    }

    /**
     * Frames in the fragmented MP4 made of the objects at {@code keys} (an init segment, then media segments), fetched
     * anonymously and put end to end, as a player appends them to its buffer.
     */
    public static int framesOfObjects(List<String> keys) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String key : keys) {
            java.net.http.HttpResponse<byte[]> r = PublicHttp.get(key);
            assertEquals(200, r.statusCode(), key);
            out.write(r.body());
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("segments-", ".mp4");
        try {
            java.nio.file.Files.write(file, out.toByteArray());
            return frames(file.toString(), "v");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** ffmpeg decodes every stream of {@code url} and has nothing to say about it. */
    public static void assertDecodesCleanly(String url) {
        ProcessResult r = FFMPEG.ffmpeg(TIMEOUT, List.of("-v", "error", "-i", url, "-map", "0", "-f", "null", "-"));
        assertEquals(0, r.exitCode(), r.stderrTail());
        assertEquals("", r.stderrTail(), "ffmpeg reported errors decoding " + url);
    }
}
