package io.tributary.ingest.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.testsupport.media.TestMedia;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Kafka unreachable: nothing is acknowledged, the publisher's in-flight budget (1 KiB here) is spent by its first GOP
 * record, its socket is paused — the ingest buffers nothing more — and after the backpressure timeout (2 s here) the
 * session ends with {@code error} and the encoder is disconnected.
 */
@QuarkusTest
@WithTestResource(DeadKafkaTestResource.class)
class BackpressureIT {

    @Test
    void endsThePublishWithErrorWhenKafkaDoesNotAcknowledge() throws Exception {
        try (CapturedLogs logs = CapturedLogs.install()) {
            long started = System.nanoTime();
            ProcessResult ffmpeg = Broadcast.publish(TestMedia.h264Aac(Duration.ofSeconds(30), 320, 180, 30, 30),
                    Broadcast.rtmpUrl("good-stuck"));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            assertNotEquals(0, ffmpeg.exitCode(), "the encoder is disconnected");
            assertTrue(seconds < 25, "well before its 30 s clip ends: " + seconds + " s");
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("channel=stuck") && l.contains("reason=error")
                    && l.contains("Kafka backpressure")), "the end says why: " + logs.containing("stuck"));
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("tributary_ingest_sessions_ended_total{reason=\"error\"}"), metrics);
    }
}
