package io.tributary.media.gop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.media.RecordedVectors;
import io.tributary.media.flv.FlvReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A GOP record alone is a stream real FFmpeg decodes, with the right codecs, size and duration. */
class GopRecordIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static FfmpegRunner ffmpeg;

    @BeforeAll
    static void locateFfmpeg() {
        ffmpeg = FfmpegRunner.bundled();
    }

    @Test
    void anH264AacGopRecordIsOneSecondOfH264AndAacToFfprobe() throws Exception {
        // 2 s of 320x240 at 30 fps with a keyframe every 30 frames: two GOPs of one second each
        ProcessResult made = ffmpeg.ffmpeg(TIMEOUT, List.of("-v", "error",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "2", "-c:v", "libx264", "-preset", "veryfast", "-g", "30", "-sc_threshold", "0",
                "-c:a", "aac", "-b:a", "96k", "-f", "flv", "pipe:1"));
        assertEquals(0, made.exitCode(), made.stderrTail());
        List<GopContent> gops = GopSplitter.split(new FlvReader(made.stdout()).readAll());
        assertEquals(2, gops.size());
        GopContent second = gops.get(1);
        assertEquals(1000, second.mediaStartMillis());

        Probe probe = probe(GopRecordWriter.write(second));

        JsonNode video = probe.stream("video");
        assertEquals("h264", video.path("codec_name").asText());
        assertEquals(320, video.path("width").asInt());
        assertEquals(240, video.path("height").asInt());
        JsonNode audio = probe.stream("audio");
        assertEquals("aac", audio.path("codec_name").asText());
        assertEquals(48000, audio.path("sample_rate").asInt());
        assertEquals(30, probe.packets("video"));
        assertEquals(1.0, probe.span("video"), 0.04, "video duration");
        assertEquals(1.0, probe.firstDts("video"), 0.001, "timestamps are the session's, not rebased");
        assertTrue(probe.formatDuration() < 1.5, "no stale 2 s duration from the source's onMetaData");
        assertDecodesWithoutError(GopRecordWriter.write(second));
    }

    @Test
    void anHevcGopRecordFromARealPublisherIsHevcToFfprobe() throws Exception {
        List<GopContent> gops = GopSplitter.split(
                new FlvReader(RecordedVectors.receivedFlv(RecordedVectors.FFMPEG_HEVC_AAC)).readAll());
        GopContent gop = gops.get(1); // keyframes at 867 and 1867 ms: one second, 30 frames
        Probe probe = probe(GopRecordWriter.write(gop));

        JsonNode video = probe.stream("video");
        assertEquals("hevc", video.path("codec_name").asText());
        assertEquals(640, video.path("width").asInt());
        assertEquals(360, video.path("height").asInt());
        assertEquals("aac", probe.stream("audio").path("codec_name").asText());
        assertEquals(30, probe.packets("video"));
        assertEquals(1.0, probe.span("video"), 0.04, "video duration");
        assertDecodesWithoutError(GopRecordWriter.write(gop));
    }

    private static Probe probe(byte[] record) throws Exception {
        ProcessResult r = ffmpeg.ffprobe(TIMEOUT, record, List.of("-v", "error", "-f", "flv",
                "-show_streams", "-show_format", "-show_packets", "-of", "json", "-i", "pipe:0"));
        assertEquals(0, r.exitCode(), r.stderrTail());
        assertEquals("", r.stderrTail(), "ffprobe complains");
        return new Probe(new ObjectMapper().readTree(r.stdout()));
    }

    private static void assertDecodesWithoutError(byte[] record) {
        ProcessResult r = ffmpeg.ffmpeg(TIMEOUT, record, List.of("-v", "error", "-f", "flv", "-i", "pipe:0",
                "-f", "null", "-"));
        assertEquals(0, r.exitCode(), r.stderrTail());
        assertEquals("", r.stderrTail(), "ffmpeg reports decode errors");
    }

    /** ffprobe's JSON: streams, packets, format. */
    private record Probe(JsonNode json) {
        JsonNode stream(String type) {
            for (JsonNode s : json.path("streams")) {
                if (type.equals(s.path("codec_type").asText())) {
                    return s;
                }
            }
            throw new AssertionError("no " + type + " stream in " + json.path("streams"));
        }

        List<JsonNode> packetsOf(String type) {
            int index = stream(type).path("index").asInt();
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode p : json.path("packets")) {
                if (p.path("stream_index").asInt() == index) {
                    out.add(p);
                }
            }
            return out;
        }

        int packets(String type) {
            return packetsOf(type).size();
        }

        double firstPts(String type) {
            return packetsOf(type).stream().mapToDouble(p -> p.path("pts_time").asDouble()).min().orElseThrow();
        }

        double firstDts(String type) {
            return packetsOf(type).stream().mapToDouble(p -> p.path("dts_time").asDouble()).min().orElseThrow();
        }

        /** From the earliest presentation time to the end of the last frame shown. */
        double span(String type) {
            double end = packetsOf(type).stream()
                    .mapToDouble(p -> p.path("pts_time").asDouble() + p.path("duration_time").asDouble())
                    .max().orElseThrow();
            return end - firstPts(type);
        }

        /** The format duration, or 0 when ffprobe cannot tell one (a pipe with no duration in onMetaData). */
        double formatDuration() {
            return json.path("format").path("duration").asDouble(0);
        }
    }
}
