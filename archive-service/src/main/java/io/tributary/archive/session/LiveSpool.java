package io.tributary.archive.session;

import io.tributary.archive.assemble.PieceSamples;
import io.tributary.archive.session.FragmentSpool.ArchiveBody;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PieceCache;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopRecordWriter;
import io.tributary.storage.ObjectStorageException;
import java.io.IOException;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * A session's live spool, and the GOPs that only it holds. Each finished GOP (once the next one has started) is turned
 * into movie fragments of the MP4 archive, stored in chunks of at least 5 MiB as they fill up ({@link FragmentSpool}),
 * so that the session's end copies the chunks server-side and uploads only the last fragments.
 *
 * <p>Copy mode keeps a GOP the spool holds rather than storing it as a piece: its record in the local
 * {@link PieceCache}, where the spool reads it when it spools the GOP, until a stored chunk holds it, and its record's
 * stage completes then ({@link KeptGops}). When the oldest GOP kept has waited {@link SessionArchive.Tools#chunkWait}
 * (a slow or audio-only stream takes minutes to fill a chunk), the GOPs kept are stored as one piece spanning them
 * and their stages complete; the spool then fragments that piece as an instance finishing from storage would, so
 * every way of finishing writes the same archive. A kept GOP lost here (its local copy gone, or the spool failed)
 * abandons the session: the kept records' stages fail (Kafka hands them again) and {@link SessionAbandonedException}
 * is thrown, the one way an abandonment is told, so that the caller stores and finishes nothing past them.
 *
 * <p>Without a spool (none could be opened, or it was given up) nothing is kept, and the archive is made from storage
 * at the session's end. The spool is also given up when the end fails once it took the tail from it
 * ({@link #endFailed}): while the spool is finishing nothing it kept may be stored as a piece, so an end that keeps
 * failing would hold the kept records, and with them its partition's commits, until an attempt succeeded. The GOPs
 * still kept then are stored each as a piece of its own, the pieces the spool fragmented them as, so that the archive
 * this instance makes from storage is byte for byte the one the spool gave (which may be uploaded, or even announced,
 * already). An instance that dies before they are stored leaves their records to the next owner, which may store
 * them as one piece and so write other bytes at the same key (the service's documentation, "An end that fails").
 *
 * <p>Not thread-safe: used under its session's partition lock.
 */
final class LiveSpool {
    private static final Logger LOG = Logger.getLogger(LiveSpool.class);

    private final SessionRef ref;
    private final SessionArchive.Tools tools;
    /** The session's pieces as this instance knows them, shared with its {@link SessionArchive}. */
    private final NavigableMap<Long, Piece> pieces;
    /** The GOPs kept only here (in the spool and the local cache) until a chunk or a piece stores them. */
    private final KeptGops kept;
    private FragmentSpool spool;
    /**
     * The finaliser is taking the tail from the spool: nothing is kept or stored as a piece until the end succeeded
     * ({@link #finished}) or failed ({@link #endFailed}); the finaliser runs under the partition lock, so records
     * and the sweeper do not see it set.
     */
    private boolean finishing;

    /** Picks the spool up after the session's last stored chunk, or starts it; without one when it cannot. */
    LiveSpool(SessionRef ref, SessionParts parts, SessionArchive.Tools tools, NavigableMap<Long, Piece> pieces) {
        this.ref = ref;
        this.tools = tools;
        this.pieces = pieces;
        this.kept = new KeptGops(ref, tools.cache());
        try {
            spool = FragmentSpool.resume(ref, parts, tools.store(), tools.reader(),
                    tools.cache().spoolFile(ref.channel(), ref.sessionId()));
        } catch (IOException e) {
            LOG.infof("session %s: no local spool (%s); its archive is made from storage at its end", ref, e.toString());
        }
    }

    boolean isLive() {
        return spool != null;
    }

    /** Whether a GOP may be kept here rather than stored as a piece: the spool is live and not finishing. */
    boolean mayKeep() {
        return spool != null && !finishing;
    }

    /** Hands the spool the samples of a piece just stored, for when it is spooled. */
    void hold(Piece piece, PieceSamples samples) {
        spool.hold(piece, samples);
    }

    /**
     * Keeps a GOP (a record, in copy mode) on this instance: its record in the local cache, where the spool reads it
     * when it spools the GOP (it holds only where the GOP starts meanwhile).
     *
     * @return its record's stage, complete once a chunk or a piece stores the GOP
     * @throws IOException when its local copy cannot be written: it is not kept (the caller stores it another way)
     */
    CompletableFuture<Void> keep(Piece piece, byte[] record, GopContent content, long wallMillis) throws IOException {
        CompletableFuture<Void> stage = kept.keep(piece, record, wallMillis);
        pieces.put(piece.firstSeq(), piece);
        spool.holdLocalCopy(piece, PieceSamples.of(content));
        return stage;
    }

    /** The stage of a record whose GOP is kept here (handed again: a replay), or null when it is not kept. */
    CompletableFuture<Void> stageOf(long seq) {
        return kept.stageOf(seq);
    }

    /** Records whose GOP is kept here only (their offsets are not committed). */
    int waitingRecords() {
        return kept.size();
    }

    /** True when the spool can give the archive's tail: storage lists what it stored, and what it holds aside. */
    boolean agreesWith(SessionParts parts) {
        return spool != null && spool.agreesWith(parts, kept.firstSeqs());
    }

    /**
     * The archive's body: the chunks and the fragments of every GOP after them. Nothing is kept from now on. When it
     * fails, the finaliser gives the spool up ({@link #endFailed}), so that the next attempt works from storage rather
     * than append to a file that may end in half a fragment.
     */
    ArchiveBody finish() throws IOException {
        finishing = true; // set first: a failure here is handled by endFailed, which gives the spool up
        return spool.finish(pieces);
    }

    /**
     * The session's end failed. After {@link #finish} (the upload, the announcement or the marker failed), the spool
     * is given up and nothing is finishing any more: the GOPs kept here are in no object and their records are not
     * committed, so kept on while the end is tried again they would hold the partition's commits for as long as it
     * fails, and stall the partition at its max-in-flight bound ({@link #storeWaitingGopsNow} does nothing while
     * finishing). Without the spool they are stored as pieces at that bound, at chunk-wait, or by the next attempt of
     * the end, which finds no spool and works from storage ({@link #storeKept}: the same archive). An end that failed
     * before it took the tail (a listing, stranded GOPs) leaves the spool as it is: it kept nothing more, and still
     * agrees with storage for the next attempt.
     */
    void endFailed() {
        if (finishing) {
            giveUp();
        }
    }

    /** Gives the spool up at the end, so that the GOPs it kept can be stored as pieces ({@link #endFailed}). */
    private void giveUp() {
        if (spool != null) {
            // finishing may have stored a chunk (the tail kept under one): the GOPs it holds are done
            kept.storedThrough(spool.chainThroughSeq());
        }
        close();
        finishing = false;
    }

    /**
     * Stores the GOPs kept here as one piece, and completes their records, when the oldest has waited
     * {@link SessionArchive.Tools#chunkWait} for a chunk.
     *
     * @throws ObjectStorageException    when the piece cannot be stored now: tried again later
     * @throws SessionAbandonedException when one of them is lost here
     */
    void storeWaitingGops(long nowMillis) {
        if (kept.oldestWaited(tools.chunkWait(), nowMillis)) {
            storeWaitingGopsNow();
        }
    }

    /**
     * Stores the GOPs kept here as one piece now, however long they have waited, and completes their records: the
     * loop hands their partition no record until one in flight completes, so the records that would fill their chunk
     * cannot come.
     *
     * @throws ObjectStorageException    when the piece cannot be stored now: tried again at chunk-wait
     * @throws SessionAbandonedException when one of them is lost here
     */
    void storeWaitingGopsNow() {
        if (!finishing) {
            storeKept(true);
        }
    }

    /**
     * Stores the GOPs kept here, for a finaliser that cannot use the spool and must work from storage alone.
     *
     * @return false when there were none
     * @throws SessionAbandonedException when one of them is lost here: the archive cannot be made now
     */
    boolean storeKeptForTheEnd() {
        if (kept.isEmpty()) {
            return false;
        }
        storeKept(false);
        return true;
    }

    /**
     * Stores the GOPs kept here as one piece spanning them, from their local copies (before a GOP that is stored as a
     * piece of its own, so that pieces stay in order). With {@code respool}, the spool fragments that piece instead of
     * them (as anyone finishing from storage will); without, the end works from storage and the spool, which no longer
     * agrees with it, is closed. Once the spool is given up, each is stored as a piece of its own instead
     * ({@link #storeEachKept}).
     *
     * @throws SessionAbandonedException when a local copy is gone (the disk failed): the session is abandoned (the
     *                                   kept records' stages fail, Kafka hands them again) and nothing may be stored
     *                                   or finished after the GOPs that are lost here
     * @throws ObjectStorageException    when the piece cannot be stored now: the GOPs stay kept
     */
    void storeKept(boolean respool) {
        if (kept.isEmpty()) {
            return;
        }
        if (spool == null) {
            storeEachKept();
            return;
        }
        // read back from their local copies: the spool holds none of their media (they are fragments in its file
        // already, or read from those copies when spooled)
        List<byte[]> records = kept.records();
        if (records == null) {
            throw abandon("a local copy of a GOP kept for its chunk is gone");
        }
        GopContent joined = SessionArchive.joinGop(records);
        Piece wide = kept.spanning();
        tools.store().put(PartKeys.key(ref.channel(), ref.sessionId(), wide), GopRecordWriter.write(joined),
                ArchiveStore.FLV);
        kept.firstSeqs().forEach(pieces::remove);
        pieces.put(wide.firstSeq(), wide);
        if (respool) {
            try {
                // the samples of the piece's bytes, without reading them again (PieceSamples.of)
                spool.replace(wide, PieceSamples.of(joined));
            } catch (IOException | RuntimeException e) {
                LOG.infof("session %s: spool given up (%s); its archive is made from storage at its end", ref,
                        e.toString());
                close();
            }
        } else {
            close(); // the end works from storage, which now lists the wide piece the spool never spooled
        }
        kept.storedThrough(wide.lastSeq());
        LOG.debugf("session %s: records %d..%d stored as one piece after waiting for a chunk", ref, wide.firstSeq(),
                wide.lastSeq());
    }

    /**
     * Stores each GOP kept as the piece of its own that the spool fragmented it as, rather than one piece spanning
     * them (which is one fragment): the spool that held them was given up, mid-session or at the end, maybe after it
     * gave a tail that is uploaded, or announced, already, and the archive made from storage must be that one, byte
     * for byte. At most a chunk's worth of GOPs, a PUT each, as a session without a spool stores every GOP.
     *
     * @throws ObjectStorageException    when a piece cannot be stored now: it and the GOPs after it stay kept
     * @throws SessionAbandonedException when a local copy is gone: the GOPs before it are stored
     */
    private void storeEachKept() {
        Piece span = kept.spanning();
        boolean stored = kept.storeEach((piece, record) -> tools.store().put(PartKeys.key(ref.channel(),
                ref.sessionId(), piece), record, ArchiveStore.FLV));
        if (!stored) {
            throw abandon("a local copy of a GOP kept for its chunk is gone");
        }
        LOG.debugf("session %s: records %d..%d kept without a spool, stored as a piece each", ref, span.firstSeq(),
                span.lastSeq());
    }

    /**
     * Spools the pieces before {@code seq}: a GOP is finished once the next one has started. Done last, after
     * everything durable, so that a record handed again never spools a piece twice. Storage failures of a chunk are
     * retried by the spool itself; anything else gives the spool up (the finaliser then works from storage) and
     * stores the GOPs kept in it as pieces, from their local copies. The GOPs a stored chunk now holds are done.
     *
     * @throws SessionAbandonedException when the spool failed while it held GOPs kept here whose local copy is gone
     * @throws io.tributary.storage.ObjectStorageException when those GOPs cannot be stored now: they stay kept
     *                                   (stored at the chunk wait, a full partition or the end)
     */
    void spoolFinishedBefore(long seq) {
        if (spool == null) {
            return;
        }
        long through = spool.throughSeq();
        try {
            spool.catchUp(pieces, seq);
        } catch (IOException | RuntimeException e) {
            LOG.infof("session %s: spool given up (%s); its archive is made from storage at its end", ref,
                    e.toString());
            close();
            // the GOPs kept for the spool's chunks have local copies: stored now, one piece each (as the spool would
            // have fragmented them), so that nothing is lost and nothing is handed again. Abandoning here instead
            // made media the spool can never take (an MP3-only or AV1-only stream: no track an MP4 carries) fail
            // the same way on every replay, rewinding the partition for good. Abandoned only if a copy is gone too.
            storeKept(false);
            return;
        }
        for (Piece p : pieces.subMap(through, false, spool.throughSeq(), true).values()) {
            if (kept.stageOf(p.firstSeq()) == null) {
                tools.cache().remove(ref.channel(), ref.sessionId(), p.fileName());
            }
        }
        kept.storedThrough(spool.chainThroughSeq());
    }

    /** The session is no longer this instance's: the spool goes; the records kept go to the next owner. */
    void discard() {
        kept.drop(new IllegalStateException("session " + ref + ": the partition moved to another instance"));
        close();
    }

    /** The archive is announced: every record kept is done. */
    void finished() {
        kept.doneAll();
        close();
    }

    /**
     * Gives up what only this instance holds: the records waiting are fetched again from Kafka.
     *
     * @return the exception the caller throws, so that nothing is stored or finished past the GOPs lost here
     */
    private SessionAbandonedException abandon(String why) {
        LOG.warnf("session %s: %s; its records not stored yet are fetched again", ref, why);
        SessionAbandonedException abandoned = new SessionAbandonedException("session " + ref + ": " + why);
        kept.drop(abandoned);
        close();
        return abandoned;
    }

    private void close() {
        if (spool != null) {
            spool.close();
            spool = null;
        }
    }
}
