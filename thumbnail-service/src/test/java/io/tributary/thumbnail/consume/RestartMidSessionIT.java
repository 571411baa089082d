package io.tributary.thumbnail.consume;

import static io.tributary.thumbnail.testing.PictureAssertions.assertShowsFrame;
import static io.tributary.thumbnail.testing.PictureAssertions.expectedKeys;
import static io.tributary.thumbnail.testing.PictureAssertions.get;
import static io.tributary.thumbnail.testing.PictureAssertions.sessionKeys;
import static io.tributary.thumbnail.testing.SevenMinuteStream.FPS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.storage.ObjectStore;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.gop.TestGops.TestGop;
import io.tributary.testsupport.kafka.CommittedOffsets;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.thumbnail.testing.Eventually;
import io.tributary.thumbnail.testing.HandWiredService;
import io.tributary.thumbnail.testing.SevenMinuteStream;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * kill -9 and restart: the new process has nothing in memory and Kafka hands it records again from the last
 * committed offset, in the middle of a session. It must count minutes as before and lose no minute's picture.
 */
class RestartMidSessionIT {

    @Test
    void aRestartedInstanceKeepsTheSessionsMinutesAndEachMinutesFirstPicture() throws Exception {
        SevenMinuteStream stream = SevenMinuteStream.create("restart");
        String topic = stream.topic();
        String group = stream.group();
        List<TestGop> records = stream.records(); // GOPs 0..6, 1 s each; 6 is the last
        String bootstrap = SharedKafka.bootstrapServers();
        ObjectStore objects = HandWiredService.objectStore();

        // the first process pictures minutes 0 and 1 (GOPs 0 and 2) from the first four GOPs
        TestGops.publish(bootstrap, topic, stream.channel(), records.subList(0, 4));
        try (HandWiredService first = new HandWiredService(topic, group)) {
            Eventually.await("minutes 0 and 1 pictured", () -> first.metrics.writtenCount() >= 2);
        }
        byte[] minute1 = get(objects, stream.minuteKey(1));

        // it dies before committing past GOP 2: its successor starts at GOP 3, mid-way through minute 1
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3)))
                    .all().get();
        }
        TestGops.publish(bootstrap, topic, stream.channel(), records.subList(4, records.size()));
        try (HandWiredService second = new HandWiredService(topic, group)) {
            Eventually.await("every record handled",
                    () -> CommittedOffsets.onPartitionZero(group, topic) == records.size());
            assertEquals(2, second.metrics.writtenCount(), "minutes 2 and 3, nothing else");
        }

        assertEquals(expectedKeys(stream.channel(), stream.session(), 0, 1, 2, 3),
                sessionKeys(objects, stream.channel(), stream.session()));
        assertArrayEquals(minute1, get(objects, stream.minuteKey(1)),
                "minute 1 keeps its first keyframe (GOP 2), not GOP 3's");
        for (int minute = 0; minute <= 3; minute++) {
            // minute m starts at 2m seconds: GOP 2m, whose keyframe is frame 2m * 25
            assertShowsFrame(get(objects, stream.minuteKey(minute)), stream.clip(), minute * 2 * FPS,
                    "minute " + minute);
        }
    }
}
