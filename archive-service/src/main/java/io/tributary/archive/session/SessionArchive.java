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
 * <p>Copy mode stores no piece per GOP while the live spool holds it: the GOP is kept on this instance until a chunk
 * holding it is stored (or, after {@link Tools#chunkWait}, a piece spanning the GOPs waiting; or, once an end that
 * took the tail from the spool failed, a piece of its own), and the record's stage completes then
 * ({@link LiveSpool}). Only the session's first GOP is stored as a piece at once (it fixes the archive's tracks and
 * timeline for any instance that takes the session over). After a crash or a rebalance the
 * records of GOPs that were only here are handed again by Kafka to whoever owns the partition next; those whose GOPs
 * the listing shows stored (in a chunk or a piece) are skipped. Without a live spool copy mode stores each record as
 * its own piece, as re-encode mode does.
 *
 * <p>Each finished GOP is also turned into movie fragments of the MP4 archive by the {@link LiveSpool}, stored in
 * chunks as they fill up, so the archive is ready seconds after the last GOP however long the session was. A session
 * rebuilt from storage picks the spool up after its last stored chunk.
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
    private final LiveSpool live;
    private long nextSeq;
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
        this.lastClosedAtMillis = clockMillis;
        this.lastSeenWallMillis = wallMillis;
        this.live = new LiveSpool(ref, parts, tools, pieces);
    }

    /** The session is no longer this instance's: drop the local spool; its waiting records go to the next owner. */
    public void discard() {
        live.discard();
    }

    /** The archive is announced: every record handed over is done. */
    public void finished() {
        live.finished();
    }

    /** Records whose GOP is not stored yet (their offsets are not committed). */
    public int waitingRecords() {
        return live.waitingRecords();
    }

    /**
     * True when the live spool can give the archive's tail: storage lists the chunks it stored, and the pieces it
     * spooled (those it holds only in memory aside).
     */
    public boolean spoolAgreesWith(SessionParts parts) {
        return live.agreesWith(parts);
    }

    /** The archive's body from the live spool: the chunks and the fragments of every GOP after them. */
    public ArchiveBody finishSpool() throws IOException {
        return live.finish();
    }

    /**
     * The finaliser failed: if it had taken the tail from the live spool, the spool is given up, so that the GOPs only
     * it holds can be stored as pieces before the end is tried again ({@link LiveSpool#endFailed}).
     */
    public void endFailed() {
        live.endFailed();
    }

    /** The pieces of the session as this instance knows them (those it holds only in memory included). */
    public NavigableMap<Long, Piece> pieces() {
        return pieces;
    }

    /**
     * Copy mode's chunk-wait clock, called at each record and by the sweeper: see
     * {@link LiveSpool#storeWaitingGops}.
     */
    public void storeWaitingGops(long nowMillis) {
        live.storeWaitingGops(nowMillis);
    }

    /** Copy mode, its partition full: see {@link LiveSpool#storeWaitingGopsNow}. */
    public void storeWaitingGopsNow() {
        live.storeWaitingGopsNow();
    }

    /** For a finaliser that must work from storage alone: see {@link LiveSpool#storeKeptForTheEnd}. */
    public boolean storeKeptForTheEnd() {
        return live.storeKeptForTheEnd();
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
     * Makes the record part of the archive. A {@link GopFlag#LAST} record's stage is its GOP's too: kept (copy mode),
     * it completes when a chunk or a piece stores it or the caller has finalised the session ({@link #finished}),
     * whichever comes first, so a session whose archive cannot be made does not hold its last record back.
     *
     * @return the record's stage: complete once its GOP is durable (at once in re-encode mode, or for a record
     *         that carries nothing to archive)
     * @throws ObjectStorageException or {@link io.tributary.ffmpeg.FfmpegException} when storage or ffmpeg failed
     *                                for now; the same record is to be handed again
     * @throws SessionAbandonedException when GOPs only this instance held are lost: drop the session; the stages of
     *                                   its waiting records failed, and they come again from Kafka
     */
    public CompletableFuture<Void> accept(GopMetadata meta, byte[] value, long wallMillis) {
        lastClosedAtMillis = Math.max(lastClosedAtMillis, meta.closedAtEpochMillis());
        lastSeenWallMillis = wallMillis;
        long seq = meta.sequence();
        CompletableFuture<Void> keptStage = live.stageOf(seq);
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
        if (!live.mayKeep() || pieces.isEmpty()) {
            live.storeKept(false); // kept while a spool was live: stored first, so pieces stay in order
        } else {
            try {
                CompletableFuture<Void> stage = live.keep(piece, value, content, wallMillis);
                ArchiveMeters.gop("stored");
                live.spoolFinishedBefore(seq);
                return stage;
            } catch (IOException e) {
                // its only copy would be the spool's samples: store it (and the GOPs waiting before it) as pieces now
                LOG.infof("session %s: no local copy of GOP %d (%s); it and the GOPs waiting are stored as pieces now",
                        ref, seq, e.toString());
                live.storeKept(true);
            }
        }
        store(piece, value, content);
        live.spoolFinishedBefore(seq);
        return DURABLE;
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
        live.spoolFinishedBefore(seq);
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
            piece = tools.encoder().encode(GopRecordWriter.write(joinGop(records)));
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
    static GopContent joinGop(List<byte[]> records) {
        GopContent first = GopRecordReader.read(records.get(0));
        List<FlvTag> tags = new ArrayList<>(first.tags());
        for (byte[] r : records.subList(1, records.size())) {
            tags.addAll(GopRecordReader.read(r).tags());
        }
        return new GopContent(first.onMetaData(), first.videoSequenceHeader(), first.audioSequenceHeader(), tags);
    }

    /**
     * Stores a piece. The live spool keeps its samples for when it is spooled; only without a spool (or for a piece
     * that is not FLV) is a local copy written, for the finaliser to read instead of downloading it.
     *
     * @param record the GOP record already read when the piece is that record (copy mode), else null
     */
    private void store(Piece piece, byte[] bytes, GopContent record) {
        tools.store().put(PartKeys.key(ref.channel(), ref.sessionId(), piece), bytes, ArchiveStore.FLV);
        PieceSamples samples = live.isLive() ? samples(bytes, record) : null;
        if (samples != null) {
            live.hold(piece, samples);
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

    /**
     * The sequence number the next new record has (past every record taken); a replay of a taken record leaves it
     * where it is. Negative before the session knows.
     */
    public long nextSequence() {
        return nextSeq;
    }
}
