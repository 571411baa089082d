package io.tributary.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * GStreamer's {@code rtmp2sink} (gst-plugins-bad) publishing a remuxed H.264/AAC FLV, as STACK-NOTES §6 ran it.
 * Skipped where GStreamer is not installed; CI installs gstreamer1.0-tools, -plugins-base, -plugins-good and
 * -plugins-bad.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngestTestResource.class)
class GStreamerPublishIT {

    @Test
    void gstreamerRtmp2sinkPublishesGopRecordsThatDecode() throws Exception {
        Path gst = onPath("gst-launch-1.0");
        assumeTrue(gst != null, "gst-launch-1.0 is not installed (apt-get install gstreamer1.0-tools "
                + "gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad): GStreamer publish "
                + "not tested here");
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(4), 320, 180, 30, 30);
        String pipeline = "filesrc location=" + clip + " ! flvdemux name=d d.video ! queue ! h264parse"
                + " ! flvmux name=m streamable=true ! rtmp2sink location=" + Broadcast.rtmpUrl("good-gst")
                + " d.audio ! queue ! aacparse ! m.";
        Process process = new ProcessBuilder(List.of("sh", "-c", gst + " -q " + pipeline))
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertEquals(true, process.waitFor(120, TimeUnit.SECONDS), "gst-launch finished");
        assertEquals(0, process.exitValue(), new String(output, StandardCharsets.UTF_8));

        Broadcast broadcast = Broadcast.awaitEnd("gst");
        broadcast.assertCompleteSession();
        broadcast.assertEachRecordDecodes("h264", "aac");
        // GStreamer's remux stops with the last video frame: the clip's trailing AAC frames (~60 ms) never leave it
        // (its recorded session in the test vectors ends there too)
        FfmpegPublishIT.assertDurationOfClip(clip, broadcast.totalDurationMillis(), 100);
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
