package io.tributary.thumbnail.consume;

import static io.tributary.thumbnail.testing.PictureAssertions.assertShowsFrame;
import static io.tributary.thumbnail.testing.PictureAssertions.expectedKeys;
import static io.tributary.thumbnail.testing.PictureAssertions.get;
import static io.tributary.thumbnail.testing.PictureAssertions.sessionKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.storage.ObjectStore;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.gop.TestGops.TestGop;
import io.tributary.thumbnail.testing.Eventually;
import io.tributary.thumbnail.testing.HandWiredService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * kill -9 and restart: the new process has nothing in memory and Kafka hands it records again from the last
 * committed offset, in the middle of a session. It must count minutes as before and lose no minute's picture.
 */
class RestartMidSessionIT {
    private static final int FPS = 25;

    @Test
    void aRestartedInstanceKeepsTheSessionsMinutesAndEachMinutesFirstPicture() throws Exception {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(7), 1280, 720, FPS, FPS);
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "gops-restart-" + id;
        String channel = "restart-" + id;
        String group = "restart-" + id;
        String session = UUID.randomUUID().toString();
        HandWiredService.createTopics(topic, 1);
        List<TestGop> records = TestGops.split(clip, session); // GOPs 0..6, 1 s each; 6 is the last
        String bootstrap = SharedKafka.bootstrapServers();
        ObjectStore objects = HandWiredService.objectStore();

        // the first process pictures minutes 0 and 1 (GOPs 0 and 2) from the first four GOPs
        TestGops.publish(bootstrap, topic, channel, records.subList(0, 4));
        try (HandWiredService first = new HandWiredService(topic, group)) {
            Eventually.await("minutes 0 and 1 pictured", () -> first.metrics.writtenCount() >= 2);
        }
        byte[] minute1 = get(objects, "thumbnails/" + channel + "/" + session + "/1.jpg");

        // it dies before committing past GOP 2: its successor starts at GOP 3, mid-way through minute 1
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3)))
                    .all().get();
        }
        TestGops.publish(bootstrap, topic, channel, records.subList(4, records.size()));
        try (HandWiredService second = new HandWiredService(topic, group)) {
            Eventually.await("every record handled", () -> committed(bootstrap, group, topic) == records.size());
            assertEquals(2, second.metrics.writtenCount(), "minutes 2 and 3, nothing else");
        }

        assertEquals(expectedKeys(channel, session, 0, 1, 2, 3), sessionKeys(objects, channel, session));
        assertArrayEquals(minute1, get(objects, "thumbnails/" + channel + "/" + session + "/1.jpg"),
                "minute 1 keeps its first keyframe (GOP 2), not GOP 3's");
        for (int minute = 0; minute <= 3; minute++) {
            byte[] jpeg = get(objects, "thumbnails/" + channel + "/" + session + "/" + minute + ".jpg");
            // minute m starts at 2m seconds: GOP 2m, whose keyframe is frame 2m * 25
            assertShowsFrame(jpeg, clip, minute * 2 * FPS, "minute " + minute);
        }
    }

    private static long committed(String bootstrap, String group, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            return -1;
        }
    }
}
