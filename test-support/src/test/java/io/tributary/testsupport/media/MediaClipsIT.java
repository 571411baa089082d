package io.tributary.testsupport.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ffmpeg.FfmpegRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaClipsIT {
    private static final Duration PROBE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FfmpegRunner ffmpeg;

    @BeforeAll
    static void locateFfmpeg() {
        ffmpeg = FfmpegRunner.bundled();
    }

    @Test
    void makesH264AacFlvWithFixedGops() throws Exception {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(2), 320, 240, 30, 30);
        JsonNode probe = probe(clip);
        assertEquals("flv", probe.at("/format/format_name").asText());
        assertVideo(stream(probe, "video"), "h264", 320, 240, "30/1");
        assertEquals("High", stream(probe, "video").path("profile").asText());
        assertAac(stream(probe, "audio"));
        assertEquals(2.0, probe.at("/format/duration").asDouble(), 0.1);
        assertEquals(List.of(0, 30), keyframePacketIndexes(clip));
    }

    @Test
    void makesTheSameClipAsMp4ForCopyPublishers() throws Exception {
        Path clip = TestMedia.h264AacMp4(Duration.ofSeconds(2), 320, 240, 30, 30);
        JsonNode probe = probe(clip);
        assertTrue(probe.at("/format/format_name").asText().contains("mp4"), probe.at("/format/format_name").asText());
        assertVideo(stream(probe, "video"), "h264", 320, 240, "30/1");
        assertAac(stream(probe, "audio"));
        assertEquals(List.of(0, 30), keyframePacketIndexes(clip));
    }

    @Test
    void makesHevcAacInEnhancedFlv() throws Exception {
        Path clip = TestMedia.hevcAac(Duration.ofSeconds(2), 320, 240, 25, 25);
        JsonNode probe = probe(clip);
        assertVideo(stream(probe, "video"), "hevc", 320, 240, "25/1");
        assertAac(stream(probe, "audio"));
        assertEquals(List.of(0, 25), keyframePacketIndexes(clip));
        // Enhanced RTMP v1, "ExVideoTagHeader": the IsExHeader bit, then a FourCC instead of a CodecID
        byte[] videoTag = firstVideoTagData(Files.readAllBytes(clip));
        assertEquals(0x80, videoTag[0] & 0x80, "IsExHeader");
        assertEquals("hvc1", new String(videoTag, 1, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void makesAudioOnlyAndVideoOnlyFlv() throws Exception {
        JsonNode audio = probe(TestMedia.audioOnly(Duration.ofSeconds(1)));
        assertEquals(1, audio.path("streams").size());
        assertAac(stream(audio, "audio"));
        assertEquals(1.0, audio.at("/format/duration").asDouble(), 0.1);

        Path videoClip = TestMedia.videoOnly(Duration.ofSeconds(2), 320, 240, 30, 15);
        JsonNode video = probe(videoClip);
        assertEquals(1, video.path("streams").size());
        assertVideo(stream(video, "video"), "h264", 320, 240, "30/1");
        assertEquals(List.of(0, 15, 30, 45), keyframePacketIndexes(videoClip));
    }

    @Test
    void makesEachClipOncePerJvm() throws Exception {
        Path first = TestMedia.audioOnly(Duration.ofMillis(500));
        long written = Files.getLastModifiedTime(first).toMillis();
        Path again = TestMedia.audioOnly(Duration.ofMillis(500));
        assertEquals(first, again);
        assertEquals(written, Files.getLastModifiedTime(again).toMillis());
    }

    private static JsonNode probe(Path clip) throws Exception {
        return JSON.readTree(ffmpeg.probeJson(PROBE, clip));
    }

    private static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) {
            if (type.equals(s.path("codec_type").asText())) {
                return s;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    private static void assertVideo(JsonNode video, String codec, int width, int height, String frameRate) {
        assertEquals(codec, video.path("codec_name").asText());
        assertEquals(width, video.path("width").asInt());
        assertEquals(height, video.path("height").asInt());
        assertEquals("yuv420p", video.path("pix_fmt").asText());
        assertEquals(frameRate, video.path("r_frame_rate").asText());
    }

    private static void assertAac(JsonNode audio) {
        assertEquals("aac", audio.path("codec_name").asText());
        assertEquals("LC", audio.path("profile").asText());
        assertEquals("48000", audio.path("sample_rate").asText());
        assertEquals(2, audio.path("channels").asInt());
    }

    /** Decode-order indexes of the video packets flagged as keyframes. */
    private static List<Integer> keyframePacketIndexes(Path clip) throws Exception {
        JsonNode packets = JSON.readTree(ffmpeg.probeJson(PROBE, clip, "-select_streams", "v", "-show_entries", "packet=flags"))
                .path("packets");
        List<Integer> keyframes = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            if (packets.get(i).path("flags").asText().startsWith("K")) {
                keyframes.add(i);
            }
        }
        return keyframes;
    }

    /**
     * The payload of the first video tag (FLV v10.1 E.4.1: 9-byte header and PreviousTagSize0, then per tag
     * TagType 1, DataSize 3, Timestamp 3+1, StreamID 3, data, PreviousTagSize 4).
     */
    private static byte[] firstVideoTagData(byte[] flv) {
        int at = 9 + 4;
        while (at + 11 <= flv.length) {
            int type = flv[at] & 0x1f;
            int size = (flv[at + 1] & 0xff) << 16 | (flv[at + 2] & 0xff) << 8 | (flv[at + 3] & 0xff);
            if (type == 9) {
                byte[] data = new byte[size];
                System.arraycopy(flv, at + 11, data, 0, size);
                return data;
            }
            at += 11 + size + 4;
        }
        throw new AssertionError("no video tag");
    }
}
