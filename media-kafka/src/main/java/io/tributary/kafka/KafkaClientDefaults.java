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
    /**
     * Bytes of one partition a fetch response carries: about five 720p30 3 Mb/s GOP records, two of 1080p. A soft limit
     * (KIP-74): a record larger than this still comes, alone, as the first of a response, so it bounds memory, not
     * the records a consumer can read. It used to be the largest record a topic accepts (17 MiB): a worker behind by
     * a few seconds then took 23 GOPs of a partition at a time, far past its backlog bound, and kept whole 17 MiB
     * responses on its heap while any partition of them was paused (transcode ran out of a 512 MB heap at 100
     * streams, bench/load session 9).
     */
    static final int MAX_PARTITION_FETCH_BYTES = 4 * 1024 * 1024;
    /**
     * Bytes of one fetch response over all partitions (Kafka's default is 50 MiB): what a consumer holds per response
     * it has not handed over, and what a paused partition's leftover records keep on the heap. Soft like
     * {@link #MAX_PARTITION_FETCH_BYTES}; above {@link #BACKGROUND_FETCH_MIN_BYTES}, so a background fetch can carry
     * what it waits for.
     */
    static final int FETCH_MAX_BYTES = 16 * 1024 * 1024;

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

    /**
     * Bytes a background consumer's fetch waits for ({@link #backgroundConsumer()}): about five 720p GOP records, or
     * a few seconds of records when few streams are live.
     */
    static final int BACKGROUND_FETCH_MIN_BYTES = 4 * 1024 * 1024;
    /** The longest a background consumer's fetch waits for {@link #BACKGROUND_FETCH_MIN_BYTES} (Kafka's default). */
    static final int BACKGROUND_FETCH_MAX_WAIT_MS = 500;

    /**
     * On top of {@link #consumer()}, for consumers of {@code stream-gops} that nobody watches live (archive,
     * thumbnails): a fetch waits until it can carry several records, or half a second. With Kafka's
     * {@code fetch.min.bytes} of 1 such a consumer made a fetch request per GOP record, each with the broker's
     * per-request cost (request metrics, fetch session); a GOP's records reach them up to half a second later, which
     * neither the archive nor a picture per minute notices. transcode, whose latency viewers see, keeps the default.
     * Such a consumer never creates the topic it reads either: {@code stream-gops} belongs to ingest, and one created
     * by a subscription would have the broker's defaults (its partition count, a 1 MiB record limit).
     */
    public static Map<String, Object> backgroundConsumer() {
        return Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(BACKGROUND_FETCH_MIN_BYTES),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Integer.toString(BACKGROUND_FETCH_MAX_WAIT_MS),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
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
                // a fetch carries a few GOP records per partition and a few partitions, not a minute of them: what a
                // worker holds while it is behind stays near its backlog bound (both limits are soft: a larger record
                // still comes, alone)
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_PARTITION_FETCH_BYTES),
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(FETCH_MAX_BYTES));
    }
}
