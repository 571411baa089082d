package io.tributary.kafka;

import io.tributary.media.event.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicCatalogTest {
    private static final Map<String, String> EVENTS = Map.of(
            "cleanup.policy", "delete",
            "retention.ms", "604800000");  // 7 days

    /** (topic, replication factor, expected configs): the whole catalog, one row per topic. */
    static Stream<Arguments> catalog() {
        return Stream.of(
                Arguments.of(Topics.STREAM_GOPS, (short) 1, Map.of(
                        "cleanup.policy", "delete",
                        "retention.ms", "86400000",       // 24 h
                        "segment.ms", "3600000",          // 1 h
                        "max.message.bytes", "16777216",  // 16 MiB
                        "compression.type", "producer")),
                Arguments.of(Topics.STREAM_KEYS, (short) 1, Map.of(
                        "cleanup.policy", "compact",
                        "retention.ms", "-1")),
                Arguments.of(Topics.STREAM_KEYS, (short) 3, Map.of(
                        "cleanup.policy", "compact",
                        "retention.ms", "-1",
                        "min.insync.replicas", "2")),
                Arguments.of(Topics.STREAM_STARTED, (short) 1, EVENTS),
                Arguments.of(Topics.STREAM_STOPPED, (short) 1, EVENTS),
                Arguments.of(Topics.SEGMENT_PUBLISHED, (short) 1, EVENTS),
                Arguments.of(Topics.THUMBNAIL_PUBLISHED, (short) 1, EVENTS),
                Arguments.of(Topics.ARCHIVE_READY, (short) 3, EVENTS),
                Arguments.of(Topics.STREAM_KEY_REVOKED, (short) 3, EVENTS));
    }

    @ParameterizedTest(name = "{0} rf {1}")
    @MethodSource("catalog")
    void specifiesEachTopicsSettings(String topic, short replicationFactor, Map<String, String> configs) {
        TopicSpec spec = TopicCatalog.spec(topic, 6, replicationFactor);
        assertEquals(new TopicSpec(topic, 6, replicationFactor, configs), spec);
    }

    @Test
    void coversEveryTopicOfTheContractInOrder() {
        List<TopicSpec> specs = TopicCatalog.specs(Topics.ALL, 3, (short) 1);
        assertEquals(Topics.ALL, specs.stream().map(TopicSpec::name).toList());
        assertTrue(specs.stream().allMatch(s -> s.partitions() == 3 && s.replicationFactor() == 1));
    }

    @Test
    void rejectsATopicOutsideTheContract() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicCatalog.spec("stream-gop", 1, (short) 1));
        assertTrue(e.getMessage().contains("stream-gop"), e.getMessage());
    }

    @Test
    void gopRecordLimitLeavesHeadroomOverTheEightMebibyteGop() {
        assertEquals(2 * 8 * 1024 * 1024, TopicCatalog.GOP_MAX_MESSAGE_BYTES);
    }

    @Test
    void topicSpecRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new TopicSpec(" ", 1, (short) 1, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new TopicSpec("t", 0, (short) 1, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new TopicSpec("t", 1, (short) 0, Map.of()));
    }
}
