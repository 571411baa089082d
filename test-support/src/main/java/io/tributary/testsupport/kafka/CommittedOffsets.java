package io.tributary.testsupport.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a consumer group has committed on the shared broker, read with an admin client: the workers commit a record
 * only once its output is durable, so tests wait on this to know that records are handled (or assert that they are
 * not).
 */
public final class CommittedOffsets {
    private CommittedOffsets() {
    }

    /** The group's committed offset on partition 0 of {@code topic}; -1 when none (or the broker did not answer). */
    public static long onPartitionZero(String group, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            return -1;
        }
    }
}
