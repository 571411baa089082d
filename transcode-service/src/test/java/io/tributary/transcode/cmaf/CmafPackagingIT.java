package io.tributary.transcode.cmaf;

import static io.tributary.transcode.cmaf.Ffprobe.assertDecodesCleanly;
import static io.tributary.transcode.cmaf.Ffprobe.framesOf;
import static io.tributary.transcode.cmaf.Ffprobe.probe;
import static io.tributary.transcode.cmaf.Ffprobe.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.transcode.manifest.FrameRate;
import io.tributary.transcode.manifest.dash.DashAdaptationSet;
import io.tributary.transcode.manifest.dash.DashLiveTiming;
import io.tributary.transcode.manifest.dash.DashMpd;
import io.tributary.transcode.manifest.dash.DashPeriod;
import io.tributary.transcode.manifest.dash.DashRepresentation;
import io.tributary.transcode.manifest.dash.DashUtcTiming;
import io.tributary.transcode.manifest.hls.HlsAudioRendition;
import io.tributary.transcode.manifest.hls.HlsMultivariantPlaylist;
import io.tributary.transcode.manifest.hls.HlsVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages a real H.264 + AAC FLV, made by the bundled ffmpeg, GOP by GOP as the service will, and lets real
 * parsers judge the result: ffprobe and ffmpeg on the CMAF files themselves, on the HLS playlists and on the MPD.
 */
class CmafPackagingIT {
    private static final String SESSION = "01JTESTSESSION";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int FRAMES = 120; // 4 s at 30 fps, a keyframe every 30 frames: 4 GOPs
    private static final Instant WALL_CLOCK_START = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    static Path dir;
    static PackagedStream.Rendition video;
    static PackagedStream.Rendition audio;

    @BeforeAll
    static void packageARealStream() throws Exception {
        Path flv = dir.resolve("source.flv");
        Ffprobe.runner().ffmpegOrThrow(Duration.ofSeconds(60), List.of("-v", "error",
                "-f", "lavfi", "-i", "testsrc2=size=" + WIDTH + "x" + HEIGHT + ":rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-frames:v", Integer.toString(FRAMES), "-t", "4",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-g", "30", "-keyint_min", "30", "-sc_threshold", "0",
                "-c:a", "aac", "-ac", "2", "-b:a", "128k", "-f", "flv", flv.toString()));
        PackagedStream stream = PackagedStream.of(Files.readAllBytes(flv));
        video = stream.video();
        audio = stream.audio();
        video.writeObjects(dir, SESSION, WALL_CLOCK_START);
        audio.writeObjects(dir, SESSION, WALL_CLOCK_START);
    }

    @Test
    void flvIsSplitIntoFourIndependentGops() {
        assertEquals(4, video.segments().size());
        assertTrue(video.segments().stream().allMatch(CmafSegment::independent));
        assertEquals(FRAMES, video.sampleCount());
        assertTrue(video.format() instanceof AvcTrack);
        assertTrue(video.format().codecString().startsWith("avc1.64"), video.format().codecString());
        assertEquals("mp4a.40.2", audio.format().codecString());
    }

    @Test
    void eachTracksSegmentsFollowOneAnotherOnOneTimeline() {
        for (int i = 1; i < video.segments().size(); i++) {
            assertEquals(video.segments().get(i - 1).endTime(), video.segments().get(i).baseMediaDecodeTime(),
                    "video segment " + i);
            long audioGap = audio.segments().get(i).baseMediaDecodeTime() - audio.segments().get(i - 1).endTime();
            assertTrue(Math.abs(audioGap) <= 44, "audio segment " + i + " within a millisecond: " + audioGap);
        }
    }

    @Test
    void ffprobeReadsTheVideoTrack() throws Exception {
        JsonNode probe = probe(video.writeConcatenated(dir));
        JsonNode stream = probe.get("streams").get(0);
        assertEquals("h264", stream.get("codec_name").asText());
        assertEquals(WIDTH, stream.get("width").asInt());
        assertEquals(HEIGHT, stream.get("height").asInt());
        assertEquals(FRAMES, stream.get("nb_read_frames").asInt());
        assertEquals(4.0, probe.get("format").get("duration").asDouble(), 1.0 / 30);
    }

    @Test
    void ffprobeReadsTheAudioTrack() throws Exception {
        JsonNode probe = probe(audio.writeConcatenated(dir));
        JsonNode stream = probe.get("streams").get(0);
        assertEquals("aac", stream.get("codec_name").asText());
        assertEquals(44_100, stream.get("sample_rate").asInt());
        assertEquals(2, stream.get("channels").asInt());
        assertEquals(audio.sampleCount(), stream.get("nb_read_frames").asInt());
        // fragmented MP4 reports the end time as duration: the first 'tfdt' plus the frames
        double start = probe.get("format").get("start_time").asDouble();
        assertEquals(start + audio.sampleCount() * 1024 / 44_100.0, probe.get("format").get("duration").asDouble(),
                1024 / 44_100.0);
    }

    @Test
    void ffmpegDecodesBothTracksWithoutError() throws Exception {
        assertDecodesCleanly(video.writeConcatenated(dir));
        assertDecodesCleanly(audio.writeConcatenated(dir));
    }

    @Test
    void ffmpegPlaysTheHlsPresentation() throws Exception {
        Path master = dir.resolve("master.m3u8");
        Files.writeString(master, new HlsMultivariantPlaylist(
                List.of(new HlsVariant("source/index.m3u8", 2_000_000, 1_500_000, video.format().codecString(),
                        WIDTH, HEIGHT, FrameRate.of(30), "audio")),
                List.of(new HlsAudioRendition("audio", "audio", "audio/index.m3u8", "mp4a.40.2", null, 2, 130_000,
                        128_000, true))).render());
        JsonNode probe = probe(master);
        assertEquals("h264", stream(probe, "video").get("codec_name").asText());
        assertEquals(WIDTH, stream(probe, "video").get("width").asInt());
        assertEquals("aac", stream(probe, "audio").get("codec_name").asText());
        assertEquals(FRAMES, framesOf(master, "v"));
        assertEquals(audio.sampleCount(), framesOf(master, "a"));
        assertDecodesCleanly(master);
    }

    @Test
    void ffprobeOpensTheLiveMpd() throws Exception {
        // the stream went live 5 s ago: its 4 segments are what a player finds at the live edge
        Instant now = Instant.now();
        Path mpd = dir.resolve("live.mpd");
        Files.writeString(mpd, liveMpd(now.minusSeconds(5), now).render());
        JsonNode probe = probe(mpd, false);
        assertEquals("dash", probe.get("format").get("format_name").asText());
        assertEquals("h264", stream(probe, "video").get("codec_name").asText());
        assertEquals(HEIGHT, stream(probe, "video").get("height").asInt());
        assertEquals("aac", stream(probe, "audio").get("codec_name").asText());
    }

    @Test
    void ffmpegPlaysTheDashPresentationOnceEnded() throws Exception {
        DashMpd live = liveMpd(WALL_CLOCK_START, WALL_CLOCK_START.plusSeconds(4));
        Path mpd = dir.resolve("manifest.mpd");
        Files.writeString(mpd, live.end(WALL_CLOCK_START.plusSeconds(5)).render());
        JsonNode probe = probe(mpd);
        assertEquals(WIDTH, stream(probe, "video").get("width").asInt());
        assertEquals("aac", stream(probe, "audio").get("codec_name").asText());
        assertEquals(FRAMES, framesOf(mpd, "v"));
        assertEquals(audio.sampleCount(), framesOf(mpd, "a"));
        assertDecodesCleanly(mpd);
    }

    private static DashMpd liveMpd(Instant availabilityStart, Instant now) {
        return DashMpd.live(availabilityStart, now, DashLiveTiming.forSegments(Duration.ofSeconds(1), 6),
                DashUtcTiming.direct(now),
                List.of(new DashPeriod(SESSION, Duration.ZERO, List.of(
                        new DashAdaptationSet("video", null, List.of(DashRepresentation.video("source", 2_000_000,
                                video.format().codecString(), WIDTH, HEIGHT, FrameRate.of(30),
                                video.dashTemplate(SESSION)))),
                        new DashAdaptationSet("audio", null, List.of(DashRepresentation.audio("audio", 130_000,
                                "mp4a.40.2", 44_100, 2, audio.dashTemplate(SESSION))))))));
    }
}
