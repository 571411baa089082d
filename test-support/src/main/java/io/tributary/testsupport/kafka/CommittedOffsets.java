package io.tributary.testsupport.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a consumer group has committed on the shared broker, read with an admin client: the workers commit a record
 * only once its output is durable, so tests wait on this to know that records are handled (or assert that they are
 * not).
 */
public final class CommittedOffsets {
    /** Long enough for a broker busy with several builds' tests; a test waiting on commits asks again anyway. */
    private static final long ANSWER_SECONDS = 60;

    private CommittedOffsets() {
    }

    /** The group's committed offset on partition 0 of {@code topic}; -1 when none (or the broker did not answer). */
    public static long onPartitionZero(String group, String topic) {
        try {
            OffsetAndMetadata offset = committed(group).get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * The group's committed offsets over every partition of {@code topic}, summed: on a topic whose offsets start at 0
     * (never truncated), the records the group will not be handed again; 0 when none is committed, -1 when the broker
     * did not answer.
     */
    public static long total(String group, String topic) {
        try {
            return committed(group).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(ANSWER_SECONDS, TimeUnit.SECONDS);
        }
    }
}
