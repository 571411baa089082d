package io.tributary.transcode.consume;

import io.tributary.kafka.GopRecords;
import io.tributary.kafka.consume.AsyncRecordHandler;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordException;
import io.tributary.media.storage.ObjectKeys;
import io.tributary.transcode.metrics.TranscodeMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Hands each record of {@code stream-gops} to its channel's lane ({@link PartitionChannels}) and returns at once: the
 * channels of a partition are packaged concurrently, each in offset order. A record that is not a GOP record (headers
 * missing or garbled, a channel or session id that cannot be part of an object key) is logged, counted and skipped:
 * retrying cannot fix it. Failures of S3 or Kafka are retried by the channel's lane after a back-off. A record is
 * acknowledged (its offset may be committed) when its stage completes: once its whole output is stored, the source
 * and then, with the ladder on, its rungs; with it off, once a saved state covers it ({@link StateSaving}). When the
 * loop closes, every channel saves what it has not, so the records in hand are committed within the loop's grace.
 */
final class GopRecordHandler implements AsyncRecordHandler {
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private static final Logger LOG = Logger.getLogger(GopRecordHandler.class);

    private final PackagerOutputs out;
    private final QueuedRecords queued;
    /** Written by the poll thread on (re)assignment, read by the consumer lane of each partition. */
    private final Map<TopicPartition, PartitionChannels> partitions = new ConcurrentHashMap<>();

    /** @param maxQueuedBytes {@code tributary.transcode.consumer.max-queued-bytes} ({@link QueuedRecords}) */
    GopRecordHandler(PackagerOutputs out, long maxQueuedBytes) {
        this.out = out;
        this.queued = new QueuedRecords(maxQueuedBytes);
    }

    @Override
    public void onAssigned(TopicPartition partition) {
        // channel state is loaded lazily, from storage, on each channel's first record here
        partitions.put(partition, new PartitionChannels(out, queued));
    }

    @Override
    public void onRevoked(TopicPartition partition) {
        onPartitionsRevoked(List.of(partition));
    }

    /** Stops every channel of the partitions, then waits once for their storage rounds in progress. */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        List<PartitionChannels> stopped = new ArrayList<>();
        for (TopicPartition tp : revoked) {
            PartitionChannels channels = partitions.remove(tp);
            if (channels != null) {
                stopped.add(channels);
            }
        }
        stop(stopped);
    }

    /**
     * Records wait in Kafka while those handed to channels and not packaged yet are at their bound in bytes, the
     * worker's or the partition's share of it ({@link QueuedRecords#partitionShare}).
     */
    @Override
    public boolean accepting(TopicPartition partition) {
        PartitionChannels channels = partitions.get(partition);
        return channels == null ? queued.accepting() : channels.accepting();
    }

    /** Records queued fall back below their bound: the loop hands over again at once, not at its next poll. */
    @Override
    public void onResumable(Runnable handOverAgain) {
        queued.onBelowBound(handOverAgain);
    }

    /** Bytes of records handed to channels and not packaged yet (a gauge). */
    long queuedBytes() {
        return queued.bytes();
    }

    /** Records handled and not yet covered by a saved state are saved now, to be committed within the loop's grace. */
    @Override
    public void onClosing() {
        partitions.values().forEach(p -> p.saveUnsaved("state save on close"));
    }

    /**
     * The loop hands the partition no more records until one of those in flight completes, and with the ladder off a
     * record completes only once a saved state covers it: a channel waiting for its next records to save would wait
     * for the age bound with the partition stopped. So the channel with the most records in flight saves now (a step
     * queued behind its records, covering them all), and the loop hands over as many again; the next fill picks the
     * next fullest channel. When every record's state is saved as it is handled (the ladder on), no record waits
     * for a save: a record's stage waits for its rungs, which no save hastens.
     */
    @Override
    public void onPartitionFull(TopicPartition partition) {
        PartitionChannels channels = partitions.get(partition);
        if (channels != null && !out.saving().everyRecord()) {
            channels.saveFullest("state save, partition full");
        }
    }

    @Override
    public CompletionStage<Void> handle(ConsumerRecord<String, byte[]> record) {
        GopMetadata gop;
        try {
            gop = GopHeaders.decode(GopRecords.lastHeader(record.headers()));
        } catch (GopRecordException e) {
            skip(record, e.getMessage());
            return DONE;
        }
        String channel = record.key();
        if (!ObjectKeys.isValidChannel(channel) || !ObjectKeys.isValidSessionId(gop.sessionId())) {
            skip(record, "channel or session id not usable in an object key");
            return DONE;
        }
        if (record.value() == null) {
            // a tombstone with GOP headers: its channel's step would fail on it at every retry, stalling the channel
            skip(record, "no value");
            return DONE;
        }
        return partitions.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                tp -> new PartitionChannels(out, queued)).accept(channel, gop, record.value());
    }

    /** Channels held in memory, over the partitions this worker owns. */
    int channels() {
        return partitions.values().stream().mapToInt(PartitionChannels::size).sum();
    }

    /** The worker stops: no rung of any channel is stored from now on. */
    void close() {
        List<PartitionChannels> all = List.copyOf(partitions.values());
        partitions.clear();
        stop(all);
    }

    private static void stop(List<PartitionChannels> all) {
        all.forEach(PartitionChannels::stop);
        long deadline = System.nanoTime() + PartitionChannels.CLOSE_WAIT.toNanos();
        all.forEach(p -> p.awaitStopped(deadline));
    }

    private void skip(ConsumerRecord<String, byte[]> record, String reason) {
        // the channel may be what is wrong: name the record by its position only
        LOG.warnf("%s-%d offset %d: skipped, not a usable GOP record: %s", record.topic(), record.partition(),
                record.offset(), reason);
        out.metrics().skipped(TranscodeMetrics.BAD_RECORD);
    }
}
