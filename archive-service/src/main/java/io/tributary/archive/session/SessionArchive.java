package io.tributary.archive.session;

import io.tributary.archive.ArchiveMeters;
import io.tributary.archive.assemble.PieceSamples;
import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.encode.PieceEncoder;
import io.tributary.archive.encode.SsimMeter;
import io.tributary.archive.encode.UnencodableGopException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * One session being recorded: each GOP record becomes a durable piece in object storage before
 * {@link #accept} returns (so before its offset is committed).
 *
 * <p>Re-encode mode, for a record that starts a GOP: (1) the record itself is stored as a raw part, (2) the GOP is
 * encoded and stored as a piece, (3) the raw parts of the previous GOP are deleted. The raw part is kept only because
 * the next record may continue this GOP ({@link GopFlag#CONTINUED}): the GOP is then encoded again from all its
 * records and stored as a wider piece, and the narrower one deleted. Every step writes a deterministic key, and the
 * state in memory is what a listing of the parts gives back ({@link SessionParts}), so a crash between any two steps
 * is repaired by replaying the record. In copy mode the record is the piece.
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

    private final SessionRef ref;
    private final Tools tools;
    private final EncodeMode mode;
    private final NavigableMap<Long, Piece> pieces;
    private final NavigableSet<Long> raws;
    private long nextSeq;
    private FragmentSpool spool;
    private long lastClosedAtMillis;
    private long lastSeenWallMillis;

    /** What a session needs to store its pieces. {@code encoder} and {@code ssim} are unused in copy mode. */
    public record Tools(ArchiveStore store, PieceCache cache, PieceEncoder encoder, SsimMeter ssim, int ssimSampleEvery,
                        EncodeMode mode) {
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
        try {
            spool = FragmentSpool.resume(ref, parts, tools.store(), tools.reader(),
                    tools.cache().spoolFile(ref.channel(), ref.sessionId()));
        } catch (IOException e) {
            LOG.infof("session %s: no local spool (%s); its archive is made from storage at its end", ref, e.toString());
        }
    }

    /** Hands the spool over to the finaliser (null when there is none); the session keeps none after this. */
    public FragmentSpool takeSpool() {
        FragmentSpool s = spool;
        spool = null;
        return s;
    }

    /** The session is no longer this instance's: drop the local spool. */
    public void discard() {
        closeSpool();
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
     * Makes the record durable as part of the archive.
     *
     * @return true when this was the session's last record: the archive is to be finalised now
     * @throws ObjectStorageException or {@link io.tributary.ffmpeg.FfmpegException} when storage or ffmpeg failed
     *                                for now; the same record is to be handed again
     */
    public boolean accept(GopMetadata meta, byte[] value, long wallMillis) {
        lastClosedAtMillis = Math.max(lastClosedAtMillis, meta.closedAtEpochMillis());
        lastSeenWallMillis = wallMillis;
        long seq = meta.sequence();
        boolean last = meta.has(GopFlag.LAST);
        if (nextSeq >= 0 && seq < nextSeq) {
            return last; // a replay: durable already (a replayed LAST finalises again)
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
            return last;
        }
        if (!content.tags().isEmpty()) {
            if (meta.has(GopFlag.CONTINUED) && mode == EncodeMode.REENCODE) {
                continueGop(seq, value);
            } else {
                startGop(seq, value, content);
            }
        }
        nextSeq = seq + 1;
        return last;
    }

    private void startGop(long seq, byte[] value, GopContent content) {
        if (mode == EncodeMode.COPY) {
            // a continuation record is a self-contained FLV too: in copy mode it is simply the next piece
            store(new Piece(seq, seq, value.length, EncodeMode.COPY, null), value, content);
            spoolFinishedBefore(seq);
            return;
        }
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
            LOG.infof("session %s: spool given up (%s); its archive is made from storage at its end", ref, e.toString());
            closeSpool();
            return;
        }
        for (Piece p : pieces.subMap(through, false, spool.throughSeq(), true).values()) {
            tools.cache().remove(ref.channel(), ref.sessionId(), p.fileName());
        }
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
