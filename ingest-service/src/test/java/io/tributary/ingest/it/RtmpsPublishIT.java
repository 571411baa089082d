package io.tributary.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * RTMPS on its own port, with the self-signed certificate the service made at start (ffmpeg does not verify
 * certificates unless told to with {@code -tls_verify 1}, so it publishes to it as OBS would to a local server).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngestTestResource.class)
class RtmpsPublishIT {

    @Test
    void ffmpegPublishesOverRtmps() {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(3), 320, 180, 30, 30);
        ProcessResult ffmpeg = Broadcast.publish(clip,
                "rtmps://127.0.0.1:" + Broadcast.rtmpsPort() + "/live/good-tls");
        assertEquals(0, ffmpeg.exitCode(), ffmpeg.stderrTail());

        Broadcast broadcast = Broadcast.awaitEnd("tls");
        broadcast.assertCompleteSession();
        broadcast.assertEachRecordDecodes("h264", "aac");
    }
}
