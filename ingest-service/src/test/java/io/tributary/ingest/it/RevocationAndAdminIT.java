package io.tributary.ingest.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.StopReason;
import io.tributary.media.event.StreamKeyRevoked;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Ending a live session from outside its connection: a {@code stream-key-revoked} record (auth-service's way) ends it
 * with {@code revoked}; the admin API lists live sessions and ends one ({@code publisher-closed}).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngestTestResource.class)
class RevocationAndAdminIT {

    @Test
    void endsTheSessionWithRevokedWhenItsKeyIsRevoked() throws Exception {
        CompletableFuture<ProcessResult> ffmpeg = Broadcast.publishAsync(
                TestMedia.h264Aac(Duration.ofSeconds(20), 320, 180, 30, 30), Broadcast.rtmpUrl("good-rev"));
        StreamStarted started = Broadcast.events(Topics.STREAM_STARTED, "rev", StreamStarted.class, 1).get(0);
        long revokedAt = System.nanoTime();

        revoke(StreamKeyRevoked.of("rev", "key-id-1", Instant.now(), started.sessionId()));

        ProcessResult result = ffmpeg.get(60, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - revokedAt < TimeUnit.SECONDS.toNanos(15),
                "the publisher is cut off well before its 20 s clip ends: " + result.stderrTail());
        Broadcast broadcast = Broadcast.awaitEnd("rev");
        broadcast.assertCompleteSession();
        assertEquals(StopReason.REVOKED, broadcast.stopped().get(0).reason());
    }

    @Test
    void ignoresTheRevocationOfAnotherSessionOfTheChannel() throws Exception {
        CompletableFuture<ProcessResult> ffmpeg = Broadcast.publishAsync(
                TestMedia.h264Aac(Duration.ofSeconds(4), 320, 180, 30, 30), Broadcast.rtmpUrl("good-stale"));
        Broadcast.events(Topics.STREAM_STARTED, "stale", StreamStarted.class, 1);

        revoke(StreamKeyRevoked.of("stale", "key-id-2", Instant.now(), "an-earlier-session"));

        assertEquals(0, ffmpeg.get(60, TimeUnit.SECONDS).exitCode());
        assertEquals(StopReason.PUBLISHER_CLOSED, Broadcast.awaitEnd("stale").stopped().get(0).reason());
    }

    @Test
    void listsLiveSessionsAndEndsOneThroughTheAdminApi() throws Exception {
        CompletableFuture<ProcessResult> ffmpeg = Broadcast.publishAsync(
                TestMedia.h264Aac(Duration.ofSeconds(20), 320, 180, 30, 30), Broadcast.rtmpUrl("good-kick"));
        StreamStarted started = Broadcast.events(Topics.STREAM_STARTED, "kick", StreamStarted.class, 1).get(0);

        given().when().get("/v1/sessions").then().statusCode(401);
        given().header("Authorization", "Bearer not-the-token").when().get("/v1/sessions").then().statusCode(401);
        given().header("Authorization", "Bearer " + IngestTestResource.ADMIN_TOKEN).when().get("/v1/sessions")
                .then().statusCode(200)
                .body("channel", hasItem("kick"))
                .body("find { it.channel == 'kick' }.sessionId", equalTo(started.sessionId()))
                .body("find { it.channel == 'kick' }.app", equalTo("live"))
                .body("find { it.channel == 'kick' }.remoteAddress", startsWith("127.0.0.1:"))
                .body("find { it.channel == 'kick' }.codecs", startsWith("avc1."));

        String metrics = Broadcast.metrics();
        for (String meter : List.of("tributary_ingest_bytes_total{channel=\"kick\"}",
                "tributary_ingest_bitrate_bits_per_second{channel=\"kick\"}",
                "tributary_ingest_gop_records_total{channel=\"kick\"}", "tributary_ingest_publishers_active",
                "tributary_ingest_connections ", "tributary_ingest_connections_accepted_total{listener=\"rtmp\"}")) {
            assertTrue(metrics.contains(meter), meter);
        }

        given().when().delete("/v1/sessions/kick").then().statusCode(401);
        given().header("Authorization", "Bearer " + IngestTestResource.ADMIN_TOKEN).when()
                .delete("/v1/sessions/kick").then().statusCode(202).body("sessionId", equalTo(started.sessionId()));

        ffmpeg.get(60, TimeUnit.SECONDS);
        Broadcast broadcast = Broadcast.awaitEnd("kick");
        broadcast.assertCompleteSession();
        assertEquals(StopReason.PUBLISHER_CLOSED, broadcast.stopped().get(0).reason());
        given().header("Authorization", "Bearer " + IngestTestResource.ADMIN_TOKEN).when()
                .delete("/v1/sessions/kick").then().statusCode(404);
    }

    /** What auth-service does when a live channel's key is revoked. */
    private static void revoke(StreamKeyRevoked event) throws Exception {
        Map<String, Object> props = new HashMap<>(KafkaClientDefaults.producer());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.STREAM_KEY_REVOKED, event.channel(), EventJson.write(event)))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
