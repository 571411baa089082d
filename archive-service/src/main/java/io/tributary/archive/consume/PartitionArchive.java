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
    private final Map<SessionRef, Boolean> closed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SessionRef, Boolean> eldest) {
            return size() > CLOSED_REMEMBERED;
        }
    };
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
     * @return the record's stage: complete when its GOP is durable (see {@link SessionArchive#accept})
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
            CompletionStage<?> stage;
            try {
                stage = archive.accept(meta, value, now);
                if (!archive.abandoned() && meta.has(GopFlag.LAST)) {
                    finish(archive, SessionFinalizer.LAST_RECORD);
                } else if (!archive.abandoned()) {
                    // another record's GOPs: a failure here is not this record's (it is taken already)
                    storeWaitingGops(archive, now);
                }
            } catch (SessionAbandonedException e) {
                // not thrown to be handed again at once: the failed stages of the records waiting rewind the
                // partition to the first of them, and the session is rebuilt from storage then
                stage = CompletableFuture.failedFuture(e);
            }
            if (archive.abandoned()) {
                open.remove(session); // its records come again: the session is rebuilt from storage then
            }
            return stage;
        } finally {
            lock.unlock();
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
                storeWaitingGops(s, now);
                if (!s.abandoned() && idle.isOver(clockMillis, lastRecordWallMillis, s.lastClosedAtMillis(),
                        s.lastSeenWallMillis(), now)) {
                    finishSilent(s);
                }
                if (s.abandoned()) {
                    open.remove(s.ref());
                }
            }
        } catch (Exception e) {
            LOG.warnf("%s: sweep failed, will try again: %s", partition, e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** Another instance owns the partition now: forget everything (storage keeps it all). */
    void revoke() {
        lock.lock();
        try {
            revoked = true;
            open.values().forEach(SessionArchive::discard);
            open.clear();
            closed.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Records of the partition handed over whose GOP is not stored yet: their offsets wait. */
    int waitingRecords() {
        lock.lock();
        try {
            return open.values().stream().mapToInt(SessionArchive::waitingRecords).sum();
        } finally {
            lock.unlock();
        }
    }

    private void storeWaitingGops(SessionArchive s, long now) {
        try {
            s.storeWaitingGops(now);
        } catch (RuntimeException e) {
            LOG.warnf("%s: the waiting GOPs of %s not stored yet, will try again: %s", partition, s.ref(),
                    e.toString());
        }
    }

    int openSessions() {
        lock.lock();
        try {
            return open.size();
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

    /** A session that went silent; one that cannot be finished now is tried again at the next sweep. */
    private void finishSilent(SessionArchive s) {
        try {
            finish(s, "no record for " + idle.timeout().toSeconds() + " s");
        } catch (Exception e) {
            LOG.warnf("%s: session %s not finished yet, will try again: %s", partition, s.ref(), e.toString());
        }
    }

    /**
     * Finalises the session and remembers it closed (its records ignored from now on), unless it was abandoned on
     * the way: then records only it held are lost here, they come again, and the session is rebuilt from them.
     */
    private void finish(SessionArchive archive, String why) throws Exception {
        finalizer.finalizeSession(archive.ref(), why, archive);
        if (archive.abandoned()) {
            throw new SessionAbandonedException("session " + archive.ref() + " was abandoned while finishing");
        }
        archive.finished();
        open.remove(archive.ref());
        closed.put(archive.ref(), Boolean.TRUE);
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
