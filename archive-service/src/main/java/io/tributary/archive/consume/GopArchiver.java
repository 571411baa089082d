package io.tributary.archive.consume;

import io.tributary.archive.ArchiveMeters;
import io.tributary.archive.session.SessionArchive;
import io.tributary.archive.session.SessionFinalizer;
import io.tributary.archive.session.SessionRef;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.kafka.GopRecords;
import io.tributary.kafka.consume.AsyncRecordHandler;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordException;
import io.tributary.media.storage.ObjectKeys;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The archive's handler of stream-gops records: reads the GOP headers and hands each record to its partition's
 * sessions. A record that can never be stored (headers that are not ours, a channel or session name that cannot be an
 * object key) is logged and skipped; anything else that fails is thrown, and the loop hands the record again — except
 * the archive of a session at its last record, which is tried again by the sweeper, not thrown, while the last
 * record's stage completes as any record's does (see {@link PartitionArchive}).
 *
 * <p>Asynchronous: a record's stage completes when its GOP is durable, which in copy mode is when a chunk holding it
 * is stored (or the GOPs that waited too long are stored as a piece, or the archive is made), records later. The loop
 * commits an offset only over records whose stages completed, so everything after it comes again after a crash.
 */
public final class GopArchiver implements AsyncRecordHandler {
    private static final CompletionStage<?> NOTHING_TO_STORE = CompletableFuture.completedFuture(null);
    private static final Logger LOG = Logger.getLogger(GopArchiver.class);

    private final Map<TopicPartition, PartitionArchive> partitions = new ConcurrentHashMap<>();
    private final ArchiveStore store;
    private final SessionArchive.Tools tools;
    private final SessionFinalizer finalizer;
    private final IdleRule idle;
    private final PartitionOwnership ownership;
    private final LongSupplier wallClock;

    public GopArchiver(ArchiveStore store, SessionArchive.Tools tools, SessionFinalizer finalizer, IdleRule idle,
                       PartitionOwnership ownership, LongSupplier wallClock) {
        this.store = store;
        this.tools = tools;
        this.finalizer = finalizer;
        this.idle = idle;
        this.ownership = ownership;
        this.wallClock = wallClock;
    }

    @Override
    public CompletionStage<?> handle(ConsumerRecord<String, byte[]> record) throws Exception {
        GopMetadata meta;
        try {
            meta = GopHeaders.decode(GopRecords.lastHeader(record.headers()));
        } catch (GopRecordException e) {
            LOG.warnf("%s-%d offset %d skipped: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            ArchiveMeters.gop("skipped");
            return NOTHING_TO_STORE;
        }
        String channel = record.key();
        if (!ObjectKeys.isValidChannel(channel) || !ObjectKeys.isValidSessionId(meta.sessionId())) {
            LOG.warnf("%s-%d offset %d skipped: its channel or session id cannot name an object", record.topic(),
                    record.partition(), record.offset());
            ArchiveMeters.gop("skipped");
            return NOTHING_TO_STORE;
        }
        if (record.value() == null) {
            LOG.warnf("%s-%d offset %d skipped: no value", record.topic(), record.partition(), record.offset());
            return NOTHING_TO_STORE;
        }
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        return partitions.computeIfAbsent(tp, this::newPartition)
                .handle(new SessionRef(channel, meta.sessionId()), meta, record.value());
    }

    @Override
    public void onAssigned(TopicPartition partition) {
        partitions.put(partition, newPartition(partition));
    }

    @Override
    public void onRevoked(TopicPartition partition) {
        PartitionArchive gone = partitions.remove(partition);
        if (gone != null) {
            gone.revoke();
        }
    }

    /**
     * The partition has {@code max-in-flight} records whose GOPs are not stored yet: in copy mode they wait for
     * chunks that the records the loop now holds back would fill, so the fullest session's waiting GOPs are stored as
     * a piece at once (see {@link PartitionArchive#storeFullest}) rather than the partition standing still for
     * chunk-wait. That is one PUT on the lane's thread, where the hook says not to block: it is what a {@code handle}
     * call of this handler does on the same thread (every GOP is stored synchronously), the partition can take no
     * record until a stage completes anyway, and this is what completes one; it waits for no record and no stage. A
     * late call for a partition just revoked finds it gone and does nothing.
     */
    @Override
    public void onPartitionFull(TopicPartition partition) {
        PartitionArchive full = partitions.get(partition);
        if (full != null) {
            full.storeFullest();
        }
    }

    /**
     * The loop is closing: the records whose GOPs only this instance holds (copy mode: waiting for their chunk, or
     * for the archive of a session whose end failed after it began the tail) cannot become durable here any more — no
     * record comes to fill the chunk, and the pipeline stopped the sweeper that would store them after chunk-wait or
     * try the end again — so every partition is let go now (as on revocation), their stages fail and the loop does
     * not wait for them. They stay uncommitted: the partition's next owner gets them again. Those are the only
     * stages still pending: every other record's completed when {@code handle} returned or its GOP was stored.
     */
    @Override
    public void onClosing() {
        int waiting = waitingRecords();
        List.copyOf(partitions.keySet()).forEach(this::onRevoked);
        if (waiting > 0) {
            LOG.infof("stopping: %d records whose GOPs only this instance held are left to the partitions' next owner",
                    waiting);
        }
    }

    /** Called by the sweeper thread: finalises silent sessions, finds those left by a previous owner. */
    public void sweep() {
        partitions.values().forEach(PartitionArchive::sweep);
    }

    /** Sessions whose end came and whose archive could not be made yet: the sweeper tries again (for metrics). */
    public int unfinishedSessions() {
        return partitions.values().stream().mapToInt(PartitionArchive::unfinishedSessions).sum();
    }

    /** Sessions being recorded by this instance now. */
    public int openSessions() {
        return partitions.values().stream().mapToInt(PartitionArchive::openSessions).sum();
    }

    /** Records handed over whose GOP is not stored yet (their offsets are not committed). */
    public int waitingRecords() {
        return partitions.values().stream().mapToInt(PartitionArchive::waitingRecords).sum();
    }

    private PartitionArchive newPartition(TopicPartition tp) {
        return new PartitionArchive(tp, store, tools, finalizer, idle, ownership, wallClock);
    }
}
