package io.tributary.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.media.event.StopReason;
import io.tributary.media.event.StreamStarted;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Real encoders through the running service: ffmpeg publishes a clip in real time ({@code -re -c copy -f flv}), and
 * what reaches Kafka is checked as a consumer would: GOP records that decode alone, durations that add up to the
 * clip, sequence numbers without gaps, {@code stream-started} and {@code stream-stopped} once each.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngestTestResource.class)
class FfmpegPublishIT {

    @Test
    void publishesH264AacAsGopRecordsThatDecodeAndAddUpToTheClip() {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(4), 320, 180, 30, 30);
        ProcessResult ffmpeg = Broadcast.publish(clip, Broadcast.rtmpUrl("good-h264"));
        assertEquals(0, ffmpeg.exitCode(), ffmpeg.stderrTail());

        Broadcast broadcast = Broadcast.awaitEnd("h264");
        broadcast.assertCompleteSession();
        assertTrue(broadcast.gops().size() >= 4, "one record per 1 s GOP: " + broadcast.gops().size());
        assertDurationOfClip(clip, broadcast.totalDurationMillis());
        broadcast.assertEachRecordDecodes("h264", "aac");

        StreamStarted started = broadcast.started().get(0);
        assertEquals("h264", started.channel());
        assertEquals("live", started.app());
        assertTrue(started.video().codec().startsWith("avc1.64"), started.video().codec());
        assertEquals(320, started.video().width());
        assertEquals(180, started.video().height());
        assertEquals("mp4a.40.2", started.audio().codec());
        assertEquals(48_000, started.audio().sampleRate());
        assertEquals(2, started.audio().channels());
        assertEquals("http://127.0.0.1:9000/tributary/live/h264/master.m3u8", started.playbackUrls().get("hls"));
        assertEquals("http://127.0.0.1:9000/tributary/live/h264/manifest.mpd", started.playbackUrls().get("dash"));
        assertEquals(StopReason.PUBLISHER_CLOSED, broadcast.stopped().get(0).reason());
    }

    @Test
    void publishesEnhancedRtmpHevcAacAsGopRecordsThatDecode() {
        Path clip = TestMedia.hevcAac(Duration.ofSeconds(3), 320, 180, 30, 30);
        ProcessResult ffmpeg = Broadcast.publish(clip, Broadcast.rtmpUrl("good-hevc"));
        assertEquals(0, ffmpeg.exitCode(), ffmpeg.stderrTail());

        Broadcast broadcast = Broadcast.awaitEnd("hevc");
        broadcast.assertCompleteSession();
        assertDurationOfClip(clip, broadcast.totalDurationMillis());
        broadcast.assertEachRecordDecodes("hevc", "aac");
        assertTrue(broadcast.started().get(0).video().codec().startsWith("hvc1."),
                broadcast.started().get(0).video().codec());
        assertEquals(StopReason.PUBLISHER_CLOSED, broadcast.stopped().get(0).reason());
    }

    @Test
    void publishesWithASignedTokenInsteadOfAKey() {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(2), 320, 180, 30, 30);
        ProcessResult ffmpeg = Broadcast.publish(clip, Broadcast.rtmpUrl("?token=good-token"));
        assertEquals(0, ffmpeg.exitCode(), ffmpeg.stderrTail());
        Broadcast.awaitEnd("token").assertCompleteSession();
    }

    /** The records cover the clip: its duration as ffprobe reports it, within 50 ms (two AAC frames). */
    static void assertDurationOfClip(Path clip, long recordsMillis) {
        assertDurationOfClip(clip, recordsMillis, 50);
    }

    static void assertDurationOfClip(Path clip, long recordsMillis, long toleranceMillis) {
        String json = Broadcast.FFMPEG.probeJson(Duration.ofSeconds(60), clip);
        int at = json.indexOf("\"duration\": \"", json.indexOf("\"format\""));
        double seconds = Double.parseDouble(json.substring(at + 13, json.indexOf('"', at + 13)));
        long clipMillis = Math.round(seconds * 1000);
        assertTrue(Math.abs(clipMillis - recordsMillis) <= toleranceMillis,
                "records cover " + recordsMillis + " ms of a " + clipMillis + " ms clip");
    }
}
