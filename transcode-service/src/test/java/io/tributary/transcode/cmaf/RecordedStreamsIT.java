package io.tributary.transcode.cmaf;

import static io.tributary.transcode.cmaf.Ffprobe.assertDecodesCleanly;
import static io.tributary.transcode.cmaf.Ffprobe.framesOf;
import static io.tributary.transcode.cmaf.Ffprobe.probe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Packages real enhanced-RTMP recordings (HEVC and AV1 with AAC, see {@code vectors/rtmp/PROVENANCE.md}) and checks
 * with ffprobe that the 'hvc1' and 'av01' tracks decode, with their size and every frame.
 */
class RecordedStreamsIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ffmpeg71-hevc-aac.received.flv, HevcTrack, hevc, hvc1, 640, 360",
        "ffmpeg71-av1-aac.received.flv,  Av1Track,  av1,  av01, 320, 180"})
    void packagesTheRecordingSoFfprobeDecodesEveryFrame(String vector, String trackType, String codecName,
                                                        String codecPrefix, int width, int height,
                                                        @TempDir Path dir) throws Exception {
        PackagedStream stream;
        try (InputStream in = RecordedStreamsIT.class.getResourceAsStream("/vectors/rtmp/" + vector)) {
            stream = PackagedStream.of(in.readAllBytes());
        }
        PackagedStream.Rendition video = stream.video();
        assertEquals(trackType, video.format().getClass().getSimpleName());
        assertTrue(video.format().codecString().startsWith(codecPrefix + "."), video.format().codecString());
        assertTrue(video.segments().stream().allMatch(CmafSegment::independent));

        Path file = video.writeConcatenated(dir);
        JsonNode probed = probe(file).get("streams").get(0);
        assertEquals(codecName, probed.get("codec_name").asText());
        assertEquals(codecPrefix, probed.get("codec_tag_string").asText());
        assertEquals(width, probed.get("width").asInt());
        assertEquals(height, probed.get("height").asInt());
        assertEquals(video.sampleCount(), probed.get("nb_read_frames").asInt());
        assertDecodesCleanly(file);

        video.writeObjects(dir, "s", Instant.EPOCH);
        Path playlist = dir.resolve("source/index.m3u8");
        assertTrue(Files.exists(playlist));
        assertEquals(video.sampleCount(), framesOf(playlist, "v"));
        assertDecodesCleanly(playlist);
    }
}
