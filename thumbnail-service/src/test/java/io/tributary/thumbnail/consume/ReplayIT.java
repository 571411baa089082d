package io.tributary.thumbnail.consume;

import static io.tributary.thumbnail.testing.PictureAssertions.expectedKeys;
import static io.tributary.thumbnail.testing.PictureAssertions.get;
import static io.tributary.thumbnail.testing.PictureAssertions.sessionKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.event.ThumbnailPublished;
import io.tributary.storage.ObjectStore;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.thumbnail.testing.Eventually;
import io.tributary.thumbnail.testing.HandWiredService;
import io.tributary.thumbnail.testing.PublishedEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A partition handled again from its start (a new consumer group, or offsets reset): same keys, same bytes. */
class ReplayIT {
    private static final int FPS = 25;

    @Test
    void replayingAPartitionRewritesTheSamePicturesAndAddsNone() throws Exception {
        // 7 one-second GOPs with 2 s minutes: minutes 0, 1, 2, 3
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(7), 1280, 720, FPS, FPS);
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "gops-replay-" + id;
        String channel = "replay-" + id;
        String session = UUID.randomUUID().toString();
        HandWiredService.createTopics(topic, 2);
        TestGops.publish(SharedKafka.bootstrapServers(), topic, channel, TestGops.split(clip, session));
        ObjectStore objects = HandWiredService.objectStore();
        TreeSet<String> expected = expectedKeys(channel, session, 0, 1, 2, 3);

        try (HandWiredService service = new HandWiredService(topic, "first-" + id)) {
            Eventually.await("four minutes pictured", () -> service.metrics.writtenCount() >= 4);
        }
        assertEquals(expected, sessionKeys(objects, channel, session));
        Map<String, byte[]> before = new HashMap<>();
        for (String key : expected) {
            before.put(key, get(objects, key));
        }

        try (HandWiredService replay = new HandWiredService(topic, "replay-" + id)) {
            Eventually.await("four minutes pictured again", () -> replay.metrics.writtenCount() >= 4);
        }

        assertEquals(expected, sessionKeys(objects, channel, session), "the same keys, no others");
        for (String key : expected) {
            assertArrayEquals(before.get(key), get(objects, key), key + " is rewritten with the same bytes");
        }
        assertArrayEquals(before.get("thumbnails/" + channel + "/" + session + "/3.jpg"),
                get(objects, "thumbnails/" + channel + "/latest.jpg"), "latest.jpg is the last minute's picture");
        // events are at-least-once: the replay announces each picture again, under the same key
        List<ConsumerRecord<String, ThumbnailPublished>> events = PublishedEvents.of(channel, 8);
        assertEquals(8, events.size());
        Map<Long, Long> perMinute = events.stream().collect(
                Collectors.groupingBy(e -> e.value().minute(), Collectors.counting()));
        assertEquals(Map.of(0L, 2L, 1L, 2L, 2L, 2L, 3L, 2L), perMinute);
        Map<Long, String> keys = events.stream().collect(Collectors.toMap(e -> e.value().minute(),
                e -> e.value().key(), (a, b) -> {
                    assertEquals(a, b, "a replayed event names the same key");
                    return a;
                }));
        assertEquals(4, keys.size());
        keys.values().forEach(k -> assertTrue(expected.contains(k), k));
    }
}
