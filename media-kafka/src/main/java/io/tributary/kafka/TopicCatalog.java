package io.tributary.kafka;

import io.tributary.media.event.Topics;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of every topic in {@link Topics}: what each topic needs to carry the contract, whoever creates it.
 * Partitions and replication factor come from the deployment (one broker locally, three in production); everything
 * else is decided here, each setting with its reason.
 */
public final class TopicCatalog {
    /**
     * The largest record {@code stream-gops} accepts. A GOP record holds at most 8 MiB of FLV (the ingest limit; a
     * larger GOP is split into continuation records); the other half is headroom for the headers and the record
     * batch around it, so the limit is never what rejects a GOP within contract. Producers need
     * {@code max.request.size} at least this large ({@link KafkaClientDefaults}).
     */
    public static final int GOP_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /** Live media is worth a day: enough to replay after a worker outage overnight; the archive keeps it for good. */
    static final Duration GOP_RETENTION = Duration.ofHours(24);
    /** Events are small; a week lets a consumer that was down over a weekend rebuild its view from the topic. */
    static final Duration EVENT_RETENTION = Duration.ofDays(7);

    private TopicCatalog() {
    }

    /** The specification of {@code topic}, one of {@link Topics#ALL}. */
    public static TopicSpec spec(String topic, int partitions, short replicationFactor) {
        Map<String, String> configs = switch (topic) {
            case Topics.STREAM_GOPS -> gops();
            case Topics.STREAM_KEYS -> keys(replicationFactor);
            case Topics.STREAM_STARTED, Topics.STREAM_STOPPED, Topics.SEGMENT_PUBLISHED, Topics.THUMBNAIL_PUBLISHED,
                    Topics.ARCHIVE_READY, Topics.STREAM_KEY_REVOKED -> events();
            default -> throw new IllegalArgumentException("no settings for topic " + topic + "; the contract's topics are " + Topics.ALL);
        };
        return new TopicSpec(topic, partitions, replicationFactor, configs);
    }

    /** The specifications of {@code topics}, in the same order, all with the same partitions and replication. */
    public static List<TopicSpec> specs(Collection<String> topics, int partitions, short replicationFactor) {
        return topics.stream().map(topic -> spec(topic, partitions, replicationFactor)).toList();
    }

    private static Map<String, String> gops() {
        Map<String, String> c = new HashMap<>();
        // media is transient here: records age out; compaction by channel key would throw media away
        c.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        c.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(GOP_RETENTION.toMillis()));
        // retention deletes whole segments only: roll hourly so a quiet channel's media goes after ~25 h, not
        // whenever the default 1 GiB segment happens to fill
        c.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()));
        // the broker's default is about 1 MiB, far below one GOP of 1080p video
        c.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(GOP_MAX_MESSAGE_BYTES));
        // keep the batches as producers wrote them: GOP producers send them uncompressed (media is compressed
        // already) and the broker must not spend CPU recompressing
        c.put(TopicConfig.COMPRESSION_TYPE_CONFIG, "producer");
        return c;
    }

    private static Map<String, String> events() {
        Map<String, String> c = new HashMap<>();
        // a log of facts in time order, not a table: nothing to compact
        c.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        c.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(EVENT_RETENTION.toMillis()));
        return c;
    }

    private static Map<String, String> keys(short replicationFactor) {
        Map<String, String> c = new HashMap<>();
        // a table keyed by key hash: the latest record per key is the key's state, a tombstone deletes it; auth-service
        // rebuilds its view by reading the topic from the start
        c.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        // never drop a live key by age (-1 = no time limit), even if someone adds "delete" to the policy
        c.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        if (replicationFactor > 1) {
            // a key change (above all a revocation) acknowledged with acks=all is on two brokers; with one broker in
            // sync writes fail rather than risk losing it. With one replica this would make every write fail.
            c.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        return c;
    }
}
