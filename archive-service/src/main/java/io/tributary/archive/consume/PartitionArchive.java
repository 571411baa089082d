package io.tributary.archive.consume;

import io.tributary.archive.session.SessionAbandonedException;
import io.tributary.archive.session.SessionArchive;
import io.tributary.archive.session.SessionFinalizer;
import io.tributary.archive.session.SessionParts;
import io.tributary.archive.session.SessionRef;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.storage.ObjectKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The sessions of one stream-gops partition that this instance owns. Records arrive from the partition's lane (one at
 * a time); the sweeper thread visits to finalise sessions that went silent and, once after assignment, to find the
 * sessions a previous owner left in object storage, and to store the GOPs that waited too long for their chunk. One
 * lock serialises the two, so a session is never finalised while one of its records is being stored.
 *
 * <p>A session whose archive cannot be made when its end comes stays open with an {@link UnfinishedEnd}, tried again
 * by the sweeper; neither the end nor the retries ever throw out of {@link #handle}, which would have the loop hand the
 * same record again and again, holding up the partition (and a worker thread) meanwhile. Its last record's stage is
 * its GOP's, not the archive's: an end that never succeeds must not hold the partition's commits back (the loop
 * would pause the partition after 64 × max-in-flight records, and its other sessions would be finalised by timeout).
 * A session abandoned on the way ({@link SessionAbandonedException}) is dropped, to be rebuilt when its records come
 * again.
 */
final class PartitionArchive {
    private static final Logger LOG = Logger.getLogger(PartitionArchive.class);
    /** Sessions remembered as archived, so that late or replayed records cost no storage request. */
    private static final int CLOSED_REMEMBERED = 4096;

    private final TopicPartition partition;
    private final ArchiveStore store;
    private final SessionArchive.Tools tools;
    private final SessionFinalizer finalizer;
    private final IdleRule idle;
    private final PartitionOwnership ownership;
    private final LongSupplier wallClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<SessionRef, SessionArchive> open = new HashMap<>();
    /** Sessions of {@link #open} whose end came and whose archive could not be made yet. */
    private final Map<SessionRef, UnfinishedEnd> unfinished = new HashMap<>();
    private final Map<SessionRef, Boolean> closed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SessionRef, Boolean> eldest) {
            return size() > CLOSED_REMEMBERED;
        }
    };
    /*
     * Counts for the gauges, written under the lock after each step and read without it: a scrape must not wait
     * for a record being stored (storage slow is when the unfinished count matters most). A snapshot is enough.
     */
    private volatile int openCount;
    private volatile int unfinishedCount;
    private volatile int waitingCount;
    private long clockMillis;
    private long lastRecordWallMillis;
    private boolean discovered;
    private boolean revoked;

    PartitionArchive(TopicPartition partition, ArchiveStore store, SessionArchive.Tools tools, SessionFinalizer finalizer,
                     IdleRule idle, PartitionOwnership ownership, LongSupplier wallClock) {
        this.partition = partition;
        this.store = store;
        this.tools = tools;
        this.finalizer = finalizer;
        this.idle = idle;
        this.ownership = ownership;
        this.wallClock = wallClock;
        this.lastRecordWallMillis = wallClock.getAsLong();
    }

    /**
     * Takes one record of {@code session}; finalises the session when it was its last.
     *
     * @return the record's stage: complete when its GOP is durable (see {@link SessionArchive#accept}), the last
     *         record's too, whether or not the archive could be made now
     * @throws Exception when the record could not be taken (storage or ffmpeg failed for now): it is handed again
     */
    CompletionStage<?> handle(SessionRef session, GopMetadata meta, byte[] value) throws Exception {
        lock.lock();
        try {
            long now = wallClock.getAsLong();
            clockMillis = Math.max(clockMillis, meta.closedAtEpochMillis());
            lastRecordWallMillis = now;
            if (closed.containsKey(session)) {
                LOG.debugf("%s: record %d of archived session %s ignored", partition, meta.sequence(), session);
                return CompletableFuture.completedFuture(null);
            }
            SessionArchive archive = open.get(session);
            if (archive == null) {
                archive = load(session, meta.closedAtEpochMillis(), now);
                if (archive == null) {
                    return CompletableFuture.completedFuture(null);
                }
            }
            try {
                long nextBefore = archive.nextSequence();
                CompletionStage<?> stage = archive.accept(meta, value, now);
                if (meta.has(GopFlag.LAST)) {
                    end(archive, now);
                    return stage;
                }
                if (archive.nextSequence() > nextBefore) {
                    // a new record, not one handed again by a rewind: that would not move the session's clock on, so
                    // its failed end would be retried at once, the back-off lost
                    resumed(session);
                }
                // another record's GOPs: a failure here is not this record's (it is taken already)
                storeWaitingGops(archive, now);
                return stage;
            } catch (SessionAbandonedException e) {
                // not thrown to be handed again at once: the failed stages of the records waiting rewind the
                // partition to the first of them, and the session is rebuilt from storage then
                drop(archive);
                return CompletableFuture.failedFuture(e);
            }
        } finally {
            unlockCounted();
        }
    }

    /** Finalises sessions that went silent; first finds the sessions storage holds for this partition. */
    void sweep() {
        if (!lock.tryLock()) {
            return; // a record is being stored: the next sweep comes soon enough
        }
        try {
            if (revoked) {
                return;
            }
            if (!discovered) {
                discover();
            }
            long now = wallClock.getAsLong();
            for (SessionArchive s : new ArrayList<>(open.values())) {
                if (!storeWaitingGops(s, now)) {
                    continue;
                }
                UnfinishedEnd end = unfinished.get(s.ref());
                boolean idleOver = idle.isOver(clockMillis, lastRecordWallMillis, s.lastClosedAtMillis(),
                        s.lastSeenWallMillis(), now);
                if (UnfinishedEnd.due(end, false, idleOver, now)) {
                    finishOrDrop(s, end != null && end.lastRecordCame() ? SessionFinalizer.LAST_RECORD
                            : "no record for " + idle.timeout().toSeconds() + " s");
                }
            }
        } catch (Exception e) {
            LOG.warnf("%s: sweep failed, will try again: %s", partition, e.toString());
        } finally {
            unlockCounted();
        }
    }

    /** Another instance owns the partition now: forget everything (storage keeps it all). */
    void revoke() {
        lock.lock();
        try {
            revoked = true;
            open.values().forEach(SessionArchive::discard);
            open.clear();
            unfinished.clear();
            closed.clear();
        } finally {
            unlockCounted();
        }
    }

    /** Records of the partition handed over whose GOP is not stored yet: their offsets wait (as of the last step). */
    int waitingRecords() {
        return waitingCount;
    }

    /**
     * The loop hands this partition no record until one of those in flight completes. In copy mode most of them wait
     * for a chunk that only later records of their session would fill, so they could wait for chunk-wait with the
     * partition stopped: the session with the most records waiting stores its GOPs as a piece now instead, as at
     * chunk-wait, which completes at least one of them, and the loop hands over as many records again; the next fill
     * picks the next fullest session. Every session storing at each fill cost a request per session, most of them
     * for a GOP or two that their chunk would soon have taken.
     */
    void storeFullest() {
        lock.lock();
        try {
            if (revoked) {
                return;
            }
            SessionArchive fullest = null;
            for (SessionArchive s : open.values()) {
                if (s.waitingRecords() > 0 && (fullest == null || s.waitingRecords() > fullest.waitingRecords())) {
                    fullest = s;
                }
            }
            if (fullest != null) {
                storeWaitingGops(fullest, fullest::storeWaitingGopsNow);
            }
        } finally {
            unlockCounted();
        }
    }

    /** Copy mode's chunk-wait clock; false when the session was abandoned on the way (and dropped). */
    private boolean storeWaitingGops(SessionArchive s, long now) {
        return storeWaitingGops(s, () -> s.storeWaitingGops(now));
    }

    /** Stores a session's waiting GOPs; false when the session was abandoned on the way (and dropped). */
    private boolean storeWaitingGops(SessionArchive s, Runnable store) {
        try {
            store.run();
        } catch (SessionAbandonedException e) {
            drop(s);
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("%s: the waiting GOPs of %s not stored yet, will try again: %s", partition, s.ref(),
                    e.toString());
        }
        return true;
    }

    /** Sessions whose end came and whose archive could not be made yet (the sweeper tries again). */
    int unfinishedSessions() {
        return unfinishedCount;
    }

    int openSessions() {
        return openCount;
    }

    /** Takes the gauges' counts of the step that held the lock (the maps are the partition's), then lets go. */
    private void unlockCounted() {
        try {
            openCount = open.size();
            unfinishedCount = unfinished.size();
            waitingCount = open.values().stream().mapToInt(SessionArchive::waitingRecords).sum();
        } finally {
            lock.unlock();
        }
    }

    private SessionArchive load(SessionRef session, long clock, long now) {
        List<String> keys = store.list(session.partsPrefix());
        if (keys.isEmpty() && store.exists(session.archiveKey())) {
            LOG.debugf("%s: session %s is archived already; its records are ignored", partition, session);
            closed.put(session, Boolean.TRUE);
            return null;
        }
        SessionArchive archive = new SessionArchive(session, SessionParts.fromKeys(keys), tools, clock, now);
        open.put(session, archive);
        return archive;
    }

    /**
     * The session's last record came: finalises it now, unless an earlier attempt at its last record failed and its
     * back-off has not passed (the record handed again after a rewind: the sweeper tries again when it has). The
     * record's own stage is not this: it completes once its GOP is durable, whether or not the archive is made now.
     *
     * @throws SessionAbandonedException when it was abandoned on the way
     */
    private void end(SessionArchive archive, long now) {
        if (UnfinishedEnd.due(unfinished.get(archive.ref()), true, true, now)) {
            finish(archive, SessionFinalizer.LAST_RECORD);
        }
    }

    /**
     * A record of a session whose timeout end failed: it was not over after all (a stalled ingest went on), so it is
     * no longer unfinished; an end that its last record made stays, its record handed again after a rewind.
     */
    private void resumed(SessionRef session) {
        UnfinishedEnd end = unfinished.get(session);
        if (end != null && !end.lastRecordCame()) {
            unfinished.remove(session);
            end.resumed();
        }
    }

    /** The sweeper's end of a session: as {@link #finish}, a session abandoned on the way dropped. */
    private void finishOrDrop(SessionArchive s, String why) {
        try {
            finish(s, why);
        } catch (SessionAbandonedException e) {
            drop(s);
        }
    }

    /**
     * Finalises the session and remembers it closed (its records ignored from now on). When the finaliser fails, the
     * session stays open with an {@link UnfinishedEnd}, for the sweeper to try again after a back-off counted from
     * the failure.
     *
     * @throws SessionAbandonedException when it was abandoned on the way: records only it held are lost here, they
     *                                   come again, and the session is rebuilt from them (the caller drops it)
     */
    private void finish(SessionArchive archive, String why) {
        SessionRef ref = archive.ref();
        try {
            finalizer.finalizeSession(ref, why, archive);
        } catch (SessionAbandonedException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // the loop or the sweeper is stopping: let it see so
            }
            unfinished.computeIfAbsent(ref, r -> new UnfinishedEnd(partition, r)).failed(why, e, wallClock.getAsLong());
            return;
        }
        archive.finished();
        open.remove(ref);
        closed.put(ref, Boolean.TRUE);
        UnfinishedEnd end = unfinished.remove(ref);
        if (end != null) {
            end.finished();
        }
    }

    /** The session lost what only it held: its records come again, and it is rebuilt from storage then. */
    private void drop(SessionArchive archive) {
        open.remove(archive.ref());
        unfinished.remove(archive.ref());
    }

    /**
     * Sessions a previous owner of the partition left unfinished: they get their timeout from now, counted as if
     * their last record had just come.
     */
    private void discover() {
        long now = wallClock.getAsLong();
        int found = 0;
        for (String channel : store.children(PartKeys.PREFIX)) {
            if (!ObjectKeys.isValidChannel(channel) || ownership.partitionOf(channel) != partition.partition()) {
                continue;
            }
            for (String sessionId : store.children(PartKeys.channelPrefix(channel))) {
                if (!ObjectKeys.isValidSessionId(sessionId)) {
                    continue;
                }
                SessionRef ref = new SessionRef(channel, sessionId);
                if (!open.containsKey(ref) && !closed.containsKey(ref)) {
                    List<String> keys = store.list(ref.partsPrefix());
                    open.put(ref, new SessionArchive(ref, SessionParts.fromKeys(keys), tools, now, now));
                    found++;
                }
            }
        }
        discovered = true;
        if (found > 0) {
            LOG.infof("%s: %d unfinished sessions found in storage", partition, found);
        }
    }
}
