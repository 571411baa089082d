package io.tributary.archive.session;

import io.tributary.archive.ArchiveMeters;
import io.tributary.archive.assemble.PieceSamples;
import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.encode.PieceEncoder;
import io.tributary.archive.encode.SsimMeter;
import io.tributary.archive.encode.UnencodableGopException;
import io.tributary.archive.session.FragmentSpool.ArchiveBody;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PartName.Raw;
import io.tributary.archive.store.PieceCache;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordException;
import io.tributary.media.gop.GopRecordReader;
import io.tributary.media.gop.GopRecordWriter;
import io.tributary.storage.ObjectStorageException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * One session being recorded. {@link #accept} returns a stage per record that completes when the record's GOP is
 * durable in object storage: the record's offset is committed only then (media-kafka's {@code AsyncRecordHandler}).
 *
 * <p>Re-encode mode, for a record that starts a GOP: (1) the record itself is stored as a raw part, (2) the GOP is
 * encoded and stored as a piece, (3) the raw parts of the previous GOP are deleted. The raw part is kept only because
 * the next record may continue this GOP ({@link GopFlag#CONTINUED}): the GOP is then encoded again from all its
 * records and stored as a wider piece, and the narrower one deleted. Every step writes a deterministic key, and the
 * state in memory is what a listing of the parts gives back ({@link SessionParts}), so a crash between any two steps
 * is repaired by replaying the record.
 *
 * <p>Copy mode stores no piece per GOP while the live spool holds it: the record's tags are kept (their samples in the
 * spool, the record in the local {@link PieceCache}) until a chunk holding the GOP is stored, and the record's stage
 * completes then. Only the session's first GOP is stored as a piece at once (it fixes the archive's tracks and
 * timeline for any instance that takes the session over). When the oldest GOP waiting has waited
 * {@link Tools#chunkWait} (a slow or audio-only stream takes minutes to fill a chunk), the GOPs waiting are stored as
 * one piece spanning them and their stages complete; the spool then fragments that piece as an instance finishing
 * from storage would, so every way of finishing writes the same archive. After a crash or a rebalance the records
 * of GOPs that were only here are handed again by Kafka to whoever owns the partition next; those whose GOPs the
 * listing shows stored (in a chunk or a piece) are skipped. Without a live spool copy mode stores each record as its
 * own piece, as re-encode mode does.
 *
 * <p>Each finished GOP (once the next one has started) is also turned into movie fragments of the MP4 archive, which
 * are stored in chunks of at least 5 MiB as they fill up ({@link FragmentSpool}): the session's end copies the chunks
 * server-side and uploads only the last fragments, so the archive is ready seconds after the last GOP however long
 * the session was. A session rebuilt from storage picks the spool up after its last stored chunk.
 *
 * <p>Not thread-safe: its partition's lock is held around every call.
 */
public final class SessionArchive {
    private static final Logger LOG = Logger.getLogger(SessionArchive.class);
    /** The stage of a record that is durable as it is handed over (never completed again: it is complete). */
    private static final CompletableFuture<Void> DURABLE = CompletableFuture.completedFuture(null);

    private final SessionRef ref;
    private final Tools tools;
    private final EncodeMode mode;
    private final NavigableMap<Long, Piece> pieces;
    private final NavigableSet<Long> raws;
    /** Copy mode: the GOPs kept only here (in the spool and the local cache) until a chunk or a piece stores them. */
    private final KeptGops kept;
    private long nextSeq;
    private FragmentSpool spool;
    /** The finaliser has taken the tail from the spool: nothing is stored as a piece any more. */
    private boolean finishing;
    /** What only this instance held is gone: the session is to be rebuilt from storage and Kafka. */
    private boolean abandoned;
    private long lastClosedAtMillis;
    private long lastSeenWallMillis;

    /**
     * What a session needs to store its pieces. {@code encoder} and {@code ssim} are unused in copy mode.
     *
     * @param chunkWait copy mode: how long a GOP may wait for its chunk before the GOPs waiting are stored as a piece
     */
    public record Tools(ArchiveStore store, PieceCache cache, PieceEncoder encoder, SsimMeter ssim, int ssimSampleEvery,
                        EncodeMode mode, Duration chunkWait) {
        public PartReader reader() {
            return new PartReader(store, cache);
        }
    }

    /**
     * @param parts           what storage holds for the session already (nothing for a new one)
     * @param clockMillis     the ingest time to count its idleness from (the record's, or now for one found in storage)
     */
    public SessionArchive(SessionRef ref, SessionParts parts, Tools tools, long clockMillis, long wallMillis) {
        this.ref = ref;
        this.tools = tools;
        // a session keeps the mode it started with, so that its pieces always concatenate
        this.mode = parts.mode() != null ? parts.mode() : tools.mode();
        this.pieces = new TreeMap<>(parts.pieces());
        this.raws = new TreeSet<>(parts.raws());
        this.nextSeq = parts.nextSequence();
        this.kept = new KeptGops(ref, tools.cache());
        this.lastClosedAtMillis = clockMillis;
        this.lastSeenWallMillis = wallMillis;
        try {
            spool = FragmentSpool.resume(ref, parts, tools.store(), tools.reader(),
                    tools.cache().spoolFile(ref.channel(), ref.sessionId()));
        } catch (IOException e) {
            LOG.infof("session %s: no local spool (%s); its archive is made from storage at its end", ref, e.toString());
        }
    }

    /** The session is no longer this instance's: drop the local spool; its waiting records go to the next owner. */
    public void discard() {
        dropKept("the partition moved to another instance");
    }

    /** The archive is announced: every record handed over is done. */
    public void finished() {
        kept.doneAll();
        closeSpool();
    }

    /** True when this instance lost GOPs only it held: drop the session; its records come again from Kafka. */
    public boolean abandoned() {
        return abandoned;
    }

    /** Records whose GOP is not stored yet (their offsets are not committed). */
    public int waitingRecords() {
        return kept.size();
    }

    /**
     * True when the live spool can give the archive's tail: storage lists the chunks it stored, and the pieces it
     * spooled (those it holds only in memory aside).
     */
    public boolean spoolAgreesWith(SessionParts parts) {
        return spool != null && spool.agreesWith(parts, kept.firstSeqs());
    }

    /** The archive's body from the live spool: the chunks and the fragments of every GOP after them. */
    public ArchiveBody finishSpool() throws IOException {
        finishing = true;
        return spool.finish(pieces);
    }

    /** The pieces of the session as this instance knows them (those it holds only in memory included). */
    public NavigableMap<Long, Piece> pieces() {
        return pieces;
    }

    /**
     * Stores the GOPs only this instance holds as one piece and completes their records, when the oldest has waited
     * {@link Tools#chunkWait} for a chunk (called at each record and by the sweeper).
     *
     * @throws ObjectStorageException when the piece cannot be stored now: tried again later
     * @throws SessionAbandonedException when one of them is lost here (see {@link #abandoned})
     */
    public void storeWaitingGops(long nowMillis) {
        if (!finishing && kept.oldestWaited(tools.chunkWait(), nowMillis)) {
            storeKept(true);
        }
    }

    /**
     * Stores the GOPs only this instance holds, for a finaliser that cannot use the live spool and must work from
     * storage alone.
     *
     * @return false when there were none
     * @throws SessionAbandonedException when one of them is lost here: the archive cannot be made now
     */
    public boolean storeKeptForTheEnd() {
        if (kept.isEmpty()) {
            return false;
        }
        storeKept(false);
        return true;
    }

    public SessionRef ref() {
        return ref;
    }

    public long lastClosedAtMillis() {
        return lastClosedAtMillis;
    }

    public long lastSeenWallMillis() {
        return lastSeenWallMillis;
    }

    /**
     * Makes the record part of the archive. A {@link GopFlag#LAST} record's stage completes when the caller has
     * finalised the session ({@link #finished}).
     *
     * @return the record's stage: complete once its GOP is durable (at once in re-encode mode, or for a record
     *         that carries nothing to archive)
     * @throws ObjectStorageException or {@link io.tributary.ffmpeg.FfmpegException} when storage or ffmpeg failed
     *                                for now; the same record is to be handed again
     */
    public CompletableFuture<Void> accept(GopMetadata meta, byte[] value, long wallMillis) {
        lastClosedAtMillis = Math.max(lastClosedAtMillis, meta.closedAtEpochMillis());
        lastSeenWallMillis = wallMillis;
        long seq = meta.sequence();
        CompletableFuture<Void> keptStage = kept.stageOf(seq);
        if (keptStage != null) {
            return keptStage; // handed again: done when its GOP is stored
        }
        if (nextSeq >= 0 && seq < nextSeq) {
            return DURABLE; // a replay of a stored GOP
        }
        if (nextSeq >= 0 && seq > nextSeq) {
            LOG.warnf("session %s: records %d..%d never came; the archive will have a gap", ref, nextSeq, seq - 1);
        }
        GopContent content;
        try {
            content = GopRecordReader.read(value);
        } catch (GopRecordException e) {
            LOG.warnf("session %s: record %d skipped: %s", ref, seq, e.getMessage());
            ArchiveMeters.gop("skipped");
            nextSeq = seq + 1;
            return DURABLE;
        }
        CompletableFuture<Void> stage = DURABLE;
        if (!content.tags().isEmpty()) {
            if (meta.has(GopFlag.CONTINUED) && mode == EncodeMode.REENCODE) {
                continueGop(seq, value);
            } else if (mode == EncodeMode.COPY) {
                stage = copyGop(seq, value, content, wallMillis);
            } else {
                startGop(seq, value);
            }
        }
        nextSeq = seq + 1;
        return stage;
    }

    /**
     * Copy mode: the record is the GOP's piece (a continuation record is a self-contained FLV too: simply the next
     * piece). With a live spool it is kept here until a chunk stores it, except the session's first.
     */
    private CompletableFuture<Void> copyGop(long seq, byte[] value, GopContent content, long wallMillis) {
        Piece piece = new Piece(seq, seq, value.length, EncodeMode.COPY, null);
        if (spool == null || finishing || pieces.isEmpty()) {
            if (!kept.isEmpty()) {
                storeKept(false); // kept while a spool was live: stored first, so pieces stay in order
            }
            store(piece, value, content);
            spoolFinishedBefore(seq);
            return DURABLE;
        }
        CompletableFuture<Void> stage;
        try {
            stage = kept.keep(piece, value, wallMillis);
        } catch (IOException e) {
            // its only copy would be the spool's samples: store it (and the GOPs waiting before it) as pieces now
            LOG.infof("session %s: no local copy of GOP %d (%s); it and the GOPs waiting are stored as pieces now",
                    ref, seq, e.toString());
            storeKept(true);
            store(piece, value, content);
            spoolFinishedBefore(seq);
            return DURABLE;
        }
        pieces.put(seq, piece);
        spool.hold(piece, PieceSamples.of(content));
        ArchiveMeters.gop("stored");
        spoolFinishedBefore(seq);
        return stage;
    }

    private void startGop(long seq, byte[] value) {
        putRaw(seq, value);
        byte[] piece;
        try {
            piece = tools.encoder().encode(value);
        } catch (UnencodableGopException e) {
            LOG.errorf("session %s: GOP %d cannot be encoded and is left out of the archive: %s", ref, seq, e.getMessage());
            ArchiveMeters.gop("unencodable");
            return;
        }
        Double ssim = null;
        if (tools.ssimSampleEvery() > 0 && seq % tools.ssimSampleEvery() == 0) {
            OptionalDouble measured = tools.ssim().measure(value, piece);
            ssim = measured.isPresent() ? measured.getAsDouble() : null;
        }
        store(new Piece(seq, seq, value.length, EncodeMode.REENCODE, ssim), piece, null);
        for (Long old : List.copyOf(raws.headSet(seq, false))) {
            deletePart(new Raw(old));
            raws.remove(old);
        }
        spoolFinishedBefore(seq);
    }

    /**
     * Spools the pieces before {@code seq}: a GOP is finished once the next one has started. Done last, after
     * everything durable, so that a record handed again never spools a piece twice. Storage failures of a chunk are
     * retried by the spool itself; anything else gives the spool up (the finaliser then works from storage).
     */
    private void spoolFinishedBefore(long seq) {
        if (spool == null) {
            return;
        }
        long through = spool.throughSeq();
        try {
            spool.catchUp(pieces, seq);
        } catch (IOException | RuntimeException e) {
            if (kept.isEmpty()) {
                LOG.infof("session %s: spool given up (%s); its archive is made from storage at its end", ref,
                        e.toString());
                closeSpool();
            } else {
                abandon("spool failed: " + e);
            }
            return;
        }
        for (Piece p : pieces.subMap(through, false, spool.throughSeq(), true).values()) {
            if (kept.stageOf(p.firstSeq()) == null) {
                tools.cache().remove(ref.channel(), ref.sessionId(), p.fileName());
            }
        }
        kept.storedThrough(spool.chainThroughSeq());
    }

    /**
     * Stores the GOPs kept only here as one piece spanning them, from their local copies. With {@code respool}, the
     * live spool fragments that piece instead of them (as anyone finishing from storage will).
     *
     * @throws SessionAbandonedException when a local copy is gone (the disk failed): the session is abandoned (the
     *                                   kept records' stages fail, Kafka hands them again) and nothing may be stored
     *                                   or finished after the GOPs that are lost here
     * @throws ObjectStorageException    when the piece cannot be stored now: the GOPs stay kept
     */
    private void storeKept(boolean respool) {
        if (kept.isEmpty()) {
            return;
        }
        List<byte[]> records = kept.records();
        if (records == null) {
            String why = "a local copy of a GOP kept for its chunk is gone";
            abandon(why);
            throw new SessionAbandonedException("session " + ref + ": " + why);
        }
        byte[] joined = joinGop(records);
        Piece wide = kept.spanning();
        tools.store().put(PartKeys.key(ref.channel(), ref.sessionId(), wide), joined, ArchiveStore.FLV);
        kept.firstSeqs().forEach(pieces::remove);
        pieces.put(wide.firstSeq(), wide);
        if (respool && spool != null) {
            try {
                spool.replace(wide, PieceSamples.read(joined));
            } catch (IOException | RuntimeException e) {
                LOG.infof("session %s: spool given up (%s); its archive is made from storage at its end", ref,
                        e.toString());
                closeSpool();
            }
        }
        kept.storedThrough(wide.lastSeq());
        LOG.debugf("session %s: records %d..%d stored as one piece after waiting for a chunk", ref, wide.firstSeq(),
                wide.lastSeq());
    }

    /** Gives up what only this instance holds: the records waiting are fetched again from Kafka. */
    private void abandon(String why) {
        LOG.warnf("session %s: %s; its records not stored yet are fetched again", ref, why);
        abandoned = true;
        dropKept(why);
    }

    private void dropKept(String why) {
        kept.drop(new IllegalStateException("session " + ref + ": " + why));
        closeSpool();
    }

    private void closeSpool() {
        if (spool != null) {
            spool.close();
            spool = null;
        }
    }

    /** Encodes the current GOP again with the continuation's tags appended, as one wider piece. */
    private void continueGop(long seq, byte[] value) {
        var current = pieces.lastEntry();
        if (current == null || current.getValue().lastSeq() != seq - 1) {
            LOG.warnf("session %s: continuation record %d of a GOP that is not here; left out", ref, seq);
            return;
        }
        Piece narrow = current.getValue();
        List<byte[]> records = new ArrayList<>();
        for (long s = narrow.firstSeq(); s < seq; s++) {
            byte[] raw = getPart(new Raw(s));
            if (raw == null) {
                LOG.warnf("session %s: record %d of the GOP continued by %d is gone; continuation left out", ref, s, seq);
                return;
            }
            records.add(raw);
        }
        putRaw(seq, value);
        records.add(value);
        byte[] piece;
        try {
            piece = tools.encoder().encode(joinGop(records));
        } catch (UnencodableGopException | GopRecordException e) {
            LOG.errorf("session %s: GOP %d..%d cannot be encoded; keeping it without record %d: %s", ref,
                    narrow.firstSeq(), seq, seq, e.getMessage());
            return;
        }
        Piece wide = new Piece(narrow.firstSeq(), seq, narrow.ingestedBytes() + value.length, EncodeMode.REENCODE,
                narrow.ssim());
        store(wide, piece, null);
        deletePart(narrow);
    }

    /** One GOP from its first record and its continuations: the first one's preamble, everyone's tags. */
    static byte[] joinGop(List<byte[]> records) {
        GopContent first = GopRecordReader.read(records.get(0));
        List<FlvTag> tags = new ArrayList<>(first.tags());
        for (byte[] r : records.subList(1, records.size())) {
            tags.addAll(GopRecordReader.read(r).tags());
        }
        return GopRecordWriter.write(new GopContent(first.onMetaData(), first.videoSequenceHeader(),
                first.audioSequenceHeader(), tags));
    }

    /**
     * Stores a piece. The live spool keeps its samples for when it is spooled; only without a spool (or for a piece
     * that is not FLV) is a local copy written, for the finaliser to read instead of downloading it.
     *
     * @param record the GOP record already read when the piece is that record (copy mode), else null
     */
    private void store(Piece piece, byte[] bytes, GopContent record) {
        tools.store().put(PartKeys.key(ref.channel(), ref.sessionId(), piece), bytes, ArchiveStore.FLV);
        PieceSamples samples = spool == null ? null : samples(bytes, record);
        if (samples != null) {
            spool.hold(piece, samples);
        } else {
            tools.cache().put(ref.channel(), ref.sessionId(), piece.fileName(), bytes);
        }
        pieces.put(piece.firstSeq(), piece);
        ArchiveMeters.gop("stored");
    }

    /** The piece's samples (read once here rather than from a local copy later), or null when it is not FLV. */
    private static PieceSamples samples(byte[] piece, GopContent record) {
        if (record != null) {
            return PieceSamples.of(record);
        }
        try {
            return PieceSamples.read(piece);
        } catch (FlvFormatException e) {
            return null; // the spool reads it back, finds it is not FLV and leaves it out, saying so
        }
    }

    private void putRaw(long seq, byte[] value) {
        Raw raw = new Raw(seq);
        tools.store().put(PartKeys.key(ref.channel(), ref.sessionId(), raw), value, ArchiveStore.FLV);
        tools.cache().put(ref.channel(), ref.sessionId(), raw.fileName(), value);
        raws.add(seq);
    }

    private byte[] getPart(PartName part) {
        return tools.reader().read(ref, part).orElse(null);
    }

    private void deletePart(PartName part) {
        tools.store().delete(PartKeys.key(ref.channel(), ref.sessionId(), part));
        tools.cache().remove(ref.channel(), ref.sessionId(), part.fileName());
    }
}
