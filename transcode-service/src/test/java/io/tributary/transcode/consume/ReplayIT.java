package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.ObjectStore;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.kafka.CommittedOffsets;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.testing.ChannelSnapshot;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.Meters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A new consumer group reading the GOP topic from the start: over an empty bucket it writes the very same objects,
 * byte for byte (segments, init segments, playlists with their program date-times; the MPD differs only in its
 * publish time), and over existing output it changes nothing.
 */
class ReplayIT {
    private static final int WINDOW = 10;

    @Test
    void aReplayWritesByteIdenticalObjectsAndAReplayOverThemChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "gops-replay-" + id;
        String channel = "replay-" + id;
        GopPublisher.createTopics(topic, 1);
        List<TestGops.TestGop> gops = TestGops.split(TestMedia.h264Aac(Duration.ofSeconds(4), 320, 180, 30, 30),
                "S" + id);
        GopPublisher.publish(topic, channel, gops);
        ObjectStore objects = HandWiredTranscoder.objectStore();

        Map<String, byte[]> first = runGroup(topic, "first-" + id, gops.size(), objects, channel);
        assertEquals(2 * (1 + 4 + 1) + 2, first.size(), "per rendition: an init, 4 segments, a playlist; master, MPD");
        for (String key : List.copyOf(first.keySet())) {
            objects.delete(key);
        }
        objects.delete(OutputKeys.state(channel));

        Map<String, byte[]> second = runGroup(topic, "second-" + id, gops.size(), objects, channel);
        ChannelSnapshot.assertIdentical(first, second);

        try (HandWiredTranscoder third = new HandWiredTranscoder(topic, "third-" + id, WINDOW, Duration.ofSeconds(60))) {
            Eventually.await("every record handled", () -> CommittedOffsets.onPartitionZero("third-" + id, topic) == gops.size());
            assertEquals(gops.size(), Meters.skipped(third.registry(), TranscodeMetrics.REPLAYED)
                    + Meters.skipped(third.registry(), TranscodeMetrics.ENDED), 0.0);
        }
        Map<String, byte[]> third = ChannelSnapshot.of(objects, channel);
        for (String key : second.keySet()) {
            assertArrayEquals(second.get(key), third.get(key), "untouched by a replay over it: " + key);
        }
    }

    private static Map<String, byte[]> runGroup(String topic, String group, int records, ObjectStore objects,
                                                String channel) throws InterruptedException {
        try (HandWiredTranscoder worker = new HandWiredTranscoder(topic, group, WINDOW, Duration.ofSeconds(60))) {
            Eventually.await(group + " handled every record", () -> CommittedOffsets.onPartitionZero(group, topic) == records);
        }
        Map<String, byte[]> snapshot = ChannelSnapshot.of(objects, channel);
        assertTrue(new String(snapshot.get("live/" + channel + "/source/index.m3u8"), StandardCharsets.UTF_8)
                .contains("#EXT-X-ENDLIST"));
        return snapshot;
    }
}
