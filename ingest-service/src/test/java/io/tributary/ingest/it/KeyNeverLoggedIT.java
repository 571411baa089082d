package io.tributary.ingest.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The stream key (and a token in its query, and credentials in the app) never appears in a log line, a metric, an
 * event or a record, whatever the publisher does: allowed, refused, auth-service failing, or breaking the protocol
 * with the key in the offending name.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngestTestResource.class)
class KeyNeverLoggedIT {

    /** Every secret below contains this; nothing the service writes may. */
    private static final String SECRET = "S3cr3tZq";

    @Test
    void theKeyNeverAppearsInLogsMetricsOrTopics() throws Exception {
        try (CapturedLogs logs = CapturedLogs.install()) {
            Path clip = TestMedia.h264Aac(Duration.ofSeconds(2), 320, 180, 30, 30);
            ProcessResult allowed = Broadcast.publish(clip, Broadcast.rtmpUrl("good-secretlog." + SECRET + "A"));
            assertEquals(0, allowed.exitCode(), allowed.stderrTail());
            ProcessResult refused = Broadcast.publish(clip, Broadcast.rtmpUrl("wrong-" + SECRET + "B"));
            assertNotEquals(0, refused.exitCode());

            publishAndHangUp("live", "good-secretq.x?token=" + SECRET + "C");
            publishAndHangUp("live?pass=" + SECRET + "D", "unknown-" + SECRET + "E");
            publishAndHangUp("live", "error-" + SECRET + "F");
            publishAndHangUp("live", "x".repeat(5000) + SECRET + "G"); // NAME_TOO_LONG, key and all
            Broadcast.awaitEnd("secretlog");

            List<String> leaks = logs.containing(SECRET);
            assertEquals(List.of(), leaks, "log lines with a key");
            assertFalse(logs.lines().isEmpty(), "logs were captured");
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(SECRET), "metrics");
        for (String channel : List.of("secretlog", "secretq")) {
            for (String topic : List.of(Topics.STREAM_STARTED, Topics.STREAM_STOPPED, Topics.STREAM_GOPS)) {
                for (ConsumerRecord<String, byte[]> r : TopicRecords.all(topic, channel)) {
                    assertFalse(new String(r.value(), StandardCharsets.ISO_8859_1).contains(SECRET), topic);
                    for (Header h : r.headers()) {
                        assertFalse(new String(h.value(), StandardCharsets.ISO_8859_1).contains(SECRET), topic);
                    }
                }
            }
        }
    }

    private static void publishAndHangUp(String app, String name) throws IOException {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            client.handshake();
            client.connect(app);
            client.sendPublish(name);
            client.awaitStatus();
        }
    }
}
