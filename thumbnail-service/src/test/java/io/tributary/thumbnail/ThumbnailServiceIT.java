package io.tributary.thumbnail;

import static io.restassured.RestAssured.given;
import static io.tributary.thumbnail.testing.PictureAssertions.assertShowsFrame;
import static io.tributary.thumbnail.testing.PictureAssertions.assertSmall;
import static io.tributary.thumbnail.testing.PictureAssertions.expectedKeys;
import static io.tributary.thumbnail.testing.PictureAssertions.get;
import static io.tributary.thumbnail.testing.PictureAssertions.sessionKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.media.event.ThumbnailPublished;
import io.tributary.media.event.Topics;
import io.tributary.media.storage.ObjectKeys;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.S3Config;
import io.tributary.testsupport.gop.TestGops.TestGop;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import io.tributary.testsupport.quarkus.S3TestResource;
import io.tributary.thumbnail.render.KeyframeCut;
import io.tributary.thumbnail.testing.ClipGops;
import io.tributary.thumbnail.testing.Eventually;
import io.tributary.thumbnail.testing.GopTopicTestResource;
import io.tributary.thumbnail.testing.PublishedEvents;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The running service, fed GOP records on stream-gops. A 7 s clip of 1 s GOPs with 2 s "minutes" (the test profile's
 * interval) stands for a 7-minute stream: pictures for minutes 0, 1, 2 and 3.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(S3TestResource.class)
@QuarkusTestResource(GopTopicTestResource.class)
class ThumbnailServiceIT {
    private static final int FPS = 25;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    S3Config s3;

    private ObjectStore objects;
    private Path clip;

    @BeforeEach
    void setUp() {
        objects = new ObjectStore(s3.settings());
        clip = TestMedia.h264Aac(Duration.ofSeconds(7), 1280, 720, FPS, FPS);
    }

    @Test
    void picturesEachMinuteOfAStreamKeepsLatestFreshAndAnnouncesEveryPicture() throws Exception {
        String channel = "live-" + UUID.randomUUID().toString().substring(0, 8);
        String session = UUID.randomUUID().toString();
        List<TestGop> records = TestGops.split(clip, session);
        String dir = "thumbnails/" + channel + "/" + session + "/";
        String latest = "thumbnails/" + channel + "/latest.jpg";

        TestGops.publish(bootstrapServers, Topics.STREAM_GOPS, channel, records.subList(0, 4));
        awaitSame(dir + "1.jpg", latest);
        byte[] latestAtMinute1 = get(objects, latest);
        TestGops.publish(bootstrapServers, Topics.STREAM_GOPS, channel, records.subList(4, records.size()));
        awaitSame(dir + "3.jpg", latest);

        assertFalse(Arrays.equals(latestAtMinute1, get(objects, latest)), "latest.jpg changes");
        assertEquals(expectedKeys(channel, session, 0, 1, 2, 3), sessionKeys(objects, channel, session));
        for (int minute = 0; minute <= 3; minute++) {
            // minute m starts at 2m seconds: GOP 2m, whose keyframe is frame 2m * 25
            assertShowsFrame(get(objects, dir + minute + ".jpg"), clip, minute * 2 * FPS, "minute " + minute);
            assertSmall(get(objects, dir + minute + "-small.jpg"), "minute " + minute + " small");
        }
        assertArrayEquals(get(objects, dir + "3-small.jpg"), get(objects, "thumbnails/" + channel + "/latest-small.jpg"));

        List<ConsumerRecord<String, ThumbnailPublished>> events = PublishedEvents.of(channel, 4);
        assertEquals(4, events.size(), "one event per picture");
        for (int minute = 0; minute <= 3; minute++) {
            ThumbnailPublished e = events.get(minute).value();
            assertEquals(channel, events.get(minute).key(), "keyed by channel");
            assertEquals(ThumbnailPublished.SCHEMA_VERSION, e.schemaVersion());
            assertEquals(channel, e.channel());
            assertEquals(session, e.sessionId());
            assertEquals(minute, e.minute(), "in order");
            assertEquals(ObjectKeys.minuteThumbnail(channel, session, minute), e.key());
            assertEquals(ObjectKeys.latestThumbnail(channel), e.latestKey());
            assertEquals(640, e.width());
            assertEquals(360, e.height());
            assertEquals(get(objects, e.key()).length, e.bytes());
            assertEquals(KeyframeCut.first(records.get(2 * minute).value()).orElseThrow().ptsMillis(),
                    e.mediaTimeMillis(), "the pictured keyframe's presentation time");
            assertNotNull(e.publishedAt());
        }

        String progress = new String(get(objects, "state/thumbnail-service/" + channel + "/" + session + ".json"),
                StandardCharsets.UTF_8);
        assertTrue(progress.contains("\"lastMinute\":3"), progress);
        String metrics = metrics();
        assertTrue(value(metrics, "tributary_thumbnail_written_total", null) >= 4, "written counter");
        assertTrue(value(metrics, "tributary_thumbnail_decode_seconds_count", null) >= 4, "decode histogram");
        assertTrue(metrics.contains("tributary_thumbnail_decode_seconds_bucket"), "decode histogram buckets");
        assertTrue(value(metrics, "tributary_thumbnail_delay_seconds_count", null) >= 4, "delay histogram");
    }

    @Test
    void skipsAKeyframeThatGivesNoPictureCountsItAndPicturesTheNextOneOfTheMinute() throws Exception {
        String channel = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        String session = UUID.randomUUID().toString();
        List<TestGop> records = new ArrayList<>(TestGops.split(clip, session));
        // the first GOP of minute 1 has a damaged keyframe; the first of minute 2 is not a GOP record at all
        records.set(2, ClipGops.withDamagedKeyframe(records.get(2)));
        records.set(4, new TestGop(records.get(4).metadata(), "not FLV at all".getBytes(StandardCharsets.UTF_8)));
        String dir = "thumbnails/" + channel + "/" + session + "/";
        String before = metrics();

        TestGops.publish(bootstrapServers, Topics.STREAM_GOPS, channel, records);
        awaitSame(dir + "3.jpg", "thumbnails/" + channel + "/latest.jpg");

        assertEquals(expectedKeys(channel, session, 0, 1, 2, 3), sessionKeys(objects, channel, session));
        assertShowsFrame(get(objects, dir + "0.jpg"), clip, 0, "minute 0");
        assertShowsFrame(get(objects, dir + "1.jpg"), clip, 3 * FPS, "minute 1, from its second GOP");
        assertShowsFrame(get(objects, dir + "2.jpg"), clip, 5 * FPS, "minute 2, from its second GOP");
        assertShowsFrame(get(objects, dir + "3.jpg"), clip, 6 * FPS, "minute 3");
        String after = metrics();
        assertEquals(1, value(after, "tributary_thumbnail_failures_total", "bad-record")
                - value(before, "tributary_thumbnail_failures_total", "bad-record"), "the record that is not FLV");
        double pictureFailures = 0;
        for (String reason : List.of("undecodable", "damaged", "blank", "ffmpeg")) {
            pictureFailures += value(after, "tributary_thumbnail_failures_total", reason)
                    - value(before, "tributary_thumbnail_failures_total", reason);
        }
        assertEquals(1, pictureFailures, "the damaged keyframe");
    }

    /** Waits until {@code key} exists and {@code latest} has the same bytes (it is written right after). */
    private void awaitSame(String key, String latest) throws InterruptedException {
        Eventually.await(key + " written and " + latest + " updated to it", () -> {
            var picture = objects.get(key);
            var current = objects.get(latest);
            return picture.isPresent() && current.isPresent() && Arrays.equals(picture.get(), current.get());
        });
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of a sample in Prometheus text, 0 if absent; {@code reason} selects the label when not null. */
    private static double value(String metrics, String name, String reason) {
        String labels = reason == null ? "(\\{[^}]*\\})?" : "\\{[^}]*reason=\"" + Pattern.quote(reason) + "\"[^}]*\\}";
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + labels + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(reason == null ? 2 : 1)) : 0;
    }
}
