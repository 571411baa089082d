package io.tributary.archive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.archive.GopFeed.GopRecord;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.ArchiveReady;
import io.tributary.media.event.Topics;
import io.tributary.media.storage.ObjectKeys;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import io.tributary.testsupport.quarkus.S3TestResource;
import io.tributary.testsupport.s3.SharedS3;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The service as deployed (its configuration, its consumer on stream-gops): a pushed session comes back as an MP4. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(S3TestResource.class)
class ArchiveServiceIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void archivesASessionPublishedOnStreamGops() throws Exception {
        // the ingest creates stream-gops in the real stack; here the test stands in for it
        TopicProvisioner.ensure(bootstrapServers, TopicCatalog.specs(List.of(Topics.STREAM_GOPS), 6, (short) 1),
                Duration.ofSeconds(60));
        String channel = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        String session = UUID.randomUUID().toString();
        List<GopRecord> records = GopFeed.records(TestMedia.h264Aac(Duration.ofSeconds(4), 640, 360, 30, 30), session,
                8 * 1024 * 1024, true);

        GopFeed.publish(bootstrapServers, Topics.STREAM_GOPS, channel, records);

        List<ArchiveReady> events = ArchiveReadyEvents.await(bootstrapServers, session, Duration.ofMinutes(4),
                Duration.ofSeconds(3));
        assertEquals(1, events.size(), "archive-ready once: " + events);
        ArchiveReady event = events.get(0);
        assertEquals(ObjectKeys.archive(channel, session), event.key());
        assertEquals(4000, event.durationMillis(), 100);
        assertTrue(event.compressionRatio() < 1, "compressed: " + event.compressionRatio());
        assertTrue(SharedS3.instance().client().statObject(io.minio.StatObjectArgs.builder().bucket(SharedS3.BUCKET)
                .object(event.key()).build()).size() == event.bytes());
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tributary_archive_sessions_total{reason=\"last\"}"))
                .body(containsString("tributary_archive_gops_total{outcome=\"stored\"}"))
                .body(containsString("tributary_archive_open_sessions"))
                .body(containsString("tributary_archive_waiting_records"))
                .body(containsString("tributary_archive_unfinished_sessions"));
    }
}
