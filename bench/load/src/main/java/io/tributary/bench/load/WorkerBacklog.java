package io.tributary.bench.load;

import io.tributary.media.event.Topics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the workers that may wait for a CPU (thumbnail and archive run at background priority on the local stack)
 * are behind: the {@code stream-gops} records their consumer group has not committed yet, from Kafka's own offsets.
 * A ramp step whose background workers fall behind for good is not sustained, however fast the playlists are.
 */
final class WorkerBacklog implements AutoCloseable {
    /** The consumer groups of the stack's background workers (their default group ids). */
    static final List<String> GROUPS = List.of("archive-service", "thumbnail-service");

    private final Admin admin;

    WorkerBacklog(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(config);
    }

    /** Uncommitted {@code stream-gops} records per group, now; a group that committed nothing counts every record. */
    Map<String, Long> uncommitted() throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.STREAM_GOPS)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.STREAM_GOPS).partitions()
                    .forEach(p -> latest.put(new TopicPartition(Topics.STREAM_GOPS, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<String, Long> backlog = new LinkedHashMap<>();
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                long behind = 0;
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    behind += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
                }
                backlog.put(group, behind);
            }
            return backlog;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("consumer backlog not readable from Kafka", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
