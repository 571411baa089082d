package io.tributary.transcode.consume;

import java.time.Duration;

/**
 * What a {@link TranscodeWorker} needs to know, from configuration ({@code tributary.transcode.*}) or from a test.
 *
 * @param topic {@code stream-gops} in production; a test's own topic in tests
 * @param workerThreads channel steps (a record's source, a record's rungs) run at once, over all partitions: each
 *     mostly waits on S3 and Kafka
 * @param maxBacklog records queued per partition before it is paused
 * @param maxInFlight records per partition handed to the channels' lanes and not yet stored: no more is taken until
 *     one is (bounds the memory while storage is away)
 * @param maxQueuedBytes bytes of records handed to the channels' lanes and not yet packaged, over all partitions: no
 *     more is taken until some are (bounds the memory of a worker behind its streams)
 * @param windowSize segments per HLS window
 * @param retentionGrace how long a segment stays after leaving every manifest
 * @param retentionInterval how often due segments are deleted
 * @param uploadThreads PUTs in flight at once, over all channels
 * @param publishTimeout how long to wait for Kafka to acknowledge the events of a GOP
 * @param stateSaving how often a channel's state object is saved (with the ABR ladder off)
 */
public record WorkerSettings(String bootstrapServers, String topic, String groupId, int workerThreads, int maxBacklog,
                             int maxInFlight, long maxQueuedBytes, int windowSize, Duration retentionGrace, Duration retentionInterval,
                             int uploadThreads, Duration publishTimeout, StateSaving stateSaving) {
    /** The default of {@code tributary.transcode.consumer.max-in-flight}. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 32;
    /** The default of {@code tributary.transcode.consumer.max-queued-bytes}: 32 MiB. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 32L * 1024 * 1024;

    public WorkerSettings {
        if (stateSaving == null) {
            throw new IllegalArgumentException("state saving settings missing");
        }
        if (windowSize < 1) {
            throw new IllegalArgumentException("the HLS window needs at least one segment: " + windowSize);
        }
        if (retentionGrace.isNegative() || retentionInterval.isNegative() || retentionInterval.isZero()) {
            throw new IllegalArgumentException("retention grace and interval must be positive");
        }
    }
}
