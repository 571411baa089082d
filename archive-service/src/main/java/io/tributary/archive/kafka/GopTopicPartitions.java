package io.tributary.archive.kafka;

import io.tributary.archive.consume.PartitionOwnership;
import io.tributary.media.event.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of stream-gops a channel's records go to, computed as the producers' default partitioner does for a
 * keyed record (murmur2 of the UTF-8 key, positive, modulo the partition count: Kafka's {@code BuiltInPartitioner}).
 * The ingest keys every record by channel and uses that partitioner. The partition count is asked of the broker and
 * kept for a minute (it only ever grows, by an operator).
 */
public final class GopTopicPartitions implements PartitionOwnership, AutoCloseable {
    private static final long REFRESH_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Admin admin;
    private final String topic;
    private int count;
    private long fetchedAt;

    public GopTopicPartitions(String bootstrapServers) {
        this(bootstrapServers, Topics.STREAM_GOPS);
    }

    public GopTopicPartitions(String bootstrapServers, String topic) {
        this.topic = topic;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "archive-service-partitions"));
    }

    /** Kafka's partition for a record keyed {@code key} in a topic of {@code partitions} partitions. */
    public static int partitionFor(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public synchronized int partitionOf(String channel) {
        if (count == 0 || System.nanoTime() - fetchedAt > REFRESH_NANOS) {
            try {
                count = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(topic).partitions().size();
                fetchedAt = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking for the partitions of " + topic, e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot learn the partitions of " + topic + ": " + e, e);
            }
        }
        return partitionFor(channel, count);
    }

    @Override
    public void close() {
        admin.close();
    }
}
