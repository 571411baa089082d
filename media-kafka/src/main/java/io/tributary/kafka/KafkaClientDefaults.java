package io.tributary.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Map;

/**
 * Client settings that the contract depends on, for every producer and consumer of our topics. Callers add
 * {@code bootstrap.servers}, serializers, {@code group.id} and whatever is their own choice (for example
 * {@code auto.offset.reset}); values are strings so the maps also serve as SmallRye channel attributes.
 */
public final class KafkaClientDefaults {
    /** A fetch must hold the largest record batch a topic accepts, plus the batch and record overhead around it. */
    static final int MAX_PARTITION_FETCH_BYTES = TopicCatalog.GOP_MAX_MESSAGE_BYTES + 1024 * 1024;

    private KafkaClientDefaults() {
    }

    /** For producers of GOP records and of events. */
    public static Map<String, Object> producer() {
        return Map.of(
                // a record is acknowledged once every in-sync replica has it: a GOP or event confirmed to the
                // publisher's pipeline is not lost when the leader dies
                ProducerConfig.ACKS_CONFIG, "all",
                // retries never duplicate or reorder a record: consumers rely on gapless seq order per session
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                // a GOP record is up to 8 MiB of FLV plus headers; the 1 MiB default would reject most 1080p GOPs
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(TopicCatalog.GOP_MAX_MESSAGE_BYTES),
                // send as soon as a GOP closes: glass-to-glass latency matters more than batching, and a GOP record
                // is a large batch by itself
                ProducerConfig.LINGER_MS_CONFIG, "0",
                // H.264/HEVC/AAC payloads are compressed already: compressing again costs CPU and saves nothing
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    }

    /** For consumers of GOP records and of events. */
    public static Map<String, Object> consumer() {
        return Map.of(
                // offsets are committed by the worker once its output is durable in object storage, never on a timer
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // never see records of an aborted transaction, should a producer ever write transactionally
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // a rebalance moves only the partitions that change owner: the other channels keep streaming
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                // one fetch holds a whole maximal GOP record: fewer round trips for large records (the 1 MiB default
                // is a soft limit, so this is about throughput, not correctness)
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_PARTITION_FETCH_BYTES));
    }
}
