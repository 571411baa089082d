package io.tributary.archive.session;

import io.tributary.archive.assemble.ArchiveFragmenter;
import io.tributary.archive.assemble.ArchiveFragmenter.Fragment;
import io.tributary.archive.assemble.OpenFragment;
import io.tributary.archive.assemble.PieceSamples;
import io.tributary.archive.assemble.PieceStart;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName.Chunk;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.ObjectStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * A session's MP4 archive as it grows: its pieces turned into movie fragments, in order, gathered in a local file
 * (the spool) until they weigh {@link ObjectStore#MIN_PART_SIZE}, then stored as a chunk. At the end, the archive is
 * the chunks, copied server-side, and the spool with the last pieces' fragments as its tail: the bytes that move at
 * the end are at most one chunk's, however long the session was.
 *
 * <p>The session's first chunk begins with the init segment. A piece is spooled once the next GOP has started (it can
 * no longer be continued), so its last samples are timed by the next piece's first. Chunks are written before the
 * record that finished their last piece is committed; their names say which pieces they hold and how many bytes, so
 * a listing rebuilds the spool's state anywhere ({@link #resume}): the pieces after the last chunk are fragmented
 * again from storage. A chunk that cannot be stored now is tried again at the next GOP. In copy mode most GOPs are in
 * no object until a chunk stores them (they have no piece of their own, see {@link SessionArchive}; their records wait
 * in the local cache, where the spool reads them): a chunk's name says what its records weighed and where its media
 * ends, which the pieces said before.
 *
 * <p>Not thread-safe: used under its session's partition lock, or by the finaliser alone.
 */
public final class FragmentSpool implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FragmentSpool.class);
    /**
     * Each fragment, and each held piece's samples set aside ({@link SpilledFragment}), is written through a buffer
     * of its own, dropped once it is written, so that a session holds none between its GOPs (one held for the
     * session, 1 MiB as it was, made 32 MiB at 32 streams). It gathers the {@code moof}, the AAC frames and the small
     * video frames into writes of 64 KiB: a handful a second for a 3 Mb/s stream. A sample of that size or more
     * bypasses it anyway.
     */
    static final int WRITE_BUFFER = 64 << 10;

    private final SessionRef ref;
    private final ArchiveStore store;
    private final PartReader reader;
    private final Path file;
    private final List<Chunk> chain;
    private final List<Piece> spooled = new ArrayList<>();
    /** Where each of {@link #spooled}'s fragments starts in the spool file: a flush rewinds the file to one. */
    private final List<Long> offsets = new ArrayList<>();
    /**
     * Pieces not spooled yet, handed over by the session as it stored them ({@link #hold}): normally the GOP waiting
     * for its successor and that successor, so a piece is read once, from memory, rather than written to the local
     * cache and read back twice (as itself, then as the next piece that times its last samples). Once the archive's
     * tracks are known (the first piece is spooled), a held piece's fragment is opened as it comes and its samples'
     * bytes are set aside in a file beside the spool ({@link SpilledFragment}): what stays on the heap is what the
     * fragment's {@code moof} says of each sample, a few KB a GOP, rather than the GOP's media. A file that is lost by
     * the time the piece is spooled costs a read of the piece again, not the spool ({@link #append}). A piece whose
     * record is in the local cache already (a GOP kept for its chunk, {@link #holdLocalCopy}) is not set aside a
     * second time: only where it starts is held, and it is read from the cache when it is spooled.
     */
    private final NavigableMap<Long, HeldPiece> held = new TreeMap<>();
    private final long minChunkBytes;
    private ArchiveFragmenter fragmenter;
    private OutputStream out;
    private long spoolBytes;
    private long endMillis;
    /**
     * Set while a call that writes the spool file runs, cleared when it returns (and set for good by {@link #finish}):
     * one that threw may have left part of a fragment in the file, or counted bytes it never wrote, so the spool
     * refuses any further use ({@link #requireIntact}). Every caller gives a spool that failed up; this keeps one that
     * would go on from writing a broken archive.
     */
    private boolean broken;
    /** A piece's samples could not be set aside once already: the next failures are logged at debug level. */
    private boolean spillFailed;

    private FragmentSpool(SessionRef ref, ArchiveStore store, PartReader reader, Path file, List<Chunk> chain,
                          long minChunkBytes) {
        this.ref = ref;
        this.store = store;
        this.reader = reader;
        this.file = file;
        this.chain = new ArrayList<>(chain);
        this.minChunkBytes = minChunkBytes;
    }

    /**
     * The spool of a session as storage holds it: its chunk chain ({@link SessionParts#chunkChain()}) and nothing
     * spooled yet (the pieces after the chain are fragmented when they are next needed).
     *
     * @param file a local file of its own, replaced
     */
    public static FragmentSpool resume(SessionRef ref, SessionParts parts, ArchiveStore store, PartReader reader,
                                       Path file) throws IOException {
        FragmentSpool spool = new FragmentSpool(ref, store, reader, file, parts.chunkChain(), ObjectStore.MIN_PART_SIZE);
        spool.out = Files.newOutputStream(file);
        return spool;
    }

    /**
     * Keeps a just-stored piece's samples for when it is spooled (replacing those of a narrower piece with the same
     * first record): their bytes set aside in a local file once the archive's tracks are known, only what the
     * fragment says of them in memory. A piece whose samples were not held is read from the local cache or storage
     * instead.
     */
    public void hold(Piece piece, PieceSamples samples) {
        hold(HeldPiece.inMemory(piece, samples));
    }

    /**
     * Keeps where a just-kept piece starts, its record being in the local cache (written there by the caller, kept
     * until the piece is spooled): its bytes are read from there when it is spooled rather than set aside once more.
     */
    public void holdLocalCopy(Piece piece, PieceSamples samples) {
        hold(HeldPiece.inLocalCopy(piece, samples));
    }

    private void hold(HeldPiece h) {
        requireIntact();
        if (h.piece().lastSeq() > spooledThroughSeq()) {
            discard(held.put(h.piece().firstSeq(), h));
            spillHeld();
        }
    }

    /** The last sequence number in a stored chunk, or -1; true of a broken spool too (its chunks are stored). */
    public long chainThroughSeq() {
        return chain.isEmpty() ? -1 : chain.get(chain.size() - 1).lastSeq();
    }

    /**
     * Replaces the pieces from {@code wide.firstSeq()} on, spooled or held, by {@code wide} (the same GOPs stored as
     * one piece): their fragments are cut from the spool file and {@code wide} is held, to be spooled as one fragment
     * when its successor comes, exactly as an instance finishing from storage fragments the stored piece.
     */
    public void replace(Piece wide, PieceSamples samples) throws IOException {
        requireIntact();
        broken = true; // until the file is cut and reopened
        int from = 0;
        while (from < spooled.size() && spooled.get(from).firstSeq() < wide.firstSeq()) {
            from++;
        }
        if (from < spooled.size()) {
            long cut = offsets.get(from);
            out.close();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(cut);
            }
            out = Files.newOutputStream(file, StandardOpenOption.APPEND);
            spoolBytes = cut;
            spooled.subList(from, spooled.size()).clear();
            offsets.subList(from, offsets.size()).clear();
        }
        discardAll(held.tailMap(wide.firstSeq(), true));
        broken = false;
        hold(wide, samples);
    }

    /** The last sequence number in a chunk or the spool, or -1. */
    public long throughSeq() {
        requireIntact();
        return spooledThroughSeq();
    }

    private long spooledThroughSeq() {
        if (!spooled.isEmpty()) {
            return spooled.get(spooled.size() - 1).lastSeq();
        }
        return chainThroughSeq();
    }

    /**
     * True when storage lists the chunks this spool wrote and the pieces it spooled, those it spooled but storage
     * cannot list aside (GOPs kept for their chunk, their first sequence numbers in {@code unstored}): it can finish
     * the archive.
     */
    public boolean agreesWith(SessionParts parts, Set<Long> unstored) {
        requireIntact();
        if (!parts.chunkChain().equals(chain)) {
            return false;
        }
        for (Piece p : spooled) {
            if (unstored.contains(p.firstSeq())) {
                continue;
            }
            // by the records they cover: a listed name carries its SSIM sample rounded, the spool's piece does not
            Piece listed = parts.pieces().get(p.firstSeq());
            if (listed == null || listed.lastSeq() != p.lastSeq()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Spools the pieces that end before {@code beforeSeq} and are not in yet, then stores the spool as a chunk if it
     * is large enough.
     *
     * @param pieces the session's pieces; each spooled one has a successor in it
     */
    public void catchUp(NavigableMap<Long, Piece> pieces, long beforeSeq) throws IOException {
        requireIntact();
        broken = true; // until it returns
        spool(pieces, beforeSeq, false);
        spillHeld(); // the pieces held before the first was spooled, which set the tracks
        if (spoolBytes >= minChunkBytes) {
            storeChunk();
        }
        broken = false;
    }

    /**
     * Spools every remaining piece (the last one timed as the session's end) and closes the spool.
     *
     * @return the chunks the archive starts with and the bytes after them
     */
    public ArchiveBody finish(NavigableMap<Long, Piece> pieces) throws IOException {
        requireIntact();
        broken = true; // for good: it is closed
        spool(pieces, Long.MAX_VALUE, true);
        out.close();
        byte[] tail = Files.readAllBytes(file);
        long chunkBytes = chain.stream().mapToLong(Chunk::bytes).sum();
        long ingested = spooled.stream().mapToLong(Piece::ingestedBytes).sum();
        long end = endMillis;
        for (Chunk c : chain) {
            // a chunk named before it said so holds GOPs that have pieces of their own
            ingested += c.ingestedBytes() != Chunk.UNKNOWN ? c.ingestedBytes() : pieces.subMap(c.firstSeq(), true,
                    c.lastSeq(), true).values().stream().mapToLong(Piece::ingestedBytes).sum();
            end = Math.max(end, c.endMillis());
        }
        return new ArchiveBody(List.copyOf(chain), tail, chunkBytes + tail.length, end, ingested);
    }

    /** Closes and deletes the local files: the spool, and the samples set aside of the pieces it holds. */
    @Override
    public void close() {
        discardAll(held);
        try {
            out.close();
        } catch (IOException e) {
            LOG.debugf("session %s: closing the spool: %s", ref, e.toString());
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("session %s: cannot remove the spool: %s", ref, e.toString());
        }
    }

    /**
     * Appends the pieces after {@link #throughSeq()}: those that end before {@code beforeSeq} and have a successor
     * (to time their last samples by), or with {@code toTheEnd} all of them, the last timed as the session's end.
     */
    private void spool(NavigableMap<Long, Piece> pieces, long beforeSeq, boolean toTheEnd) throws IOException {
        Piece readAhead = null; // the last loop's next piece, and its samples (null: not FLV), read once
        HeldPiece readAheadSamples = null;
        for (Piece piece : pieces.tailMap(spooledThroughSeq(), false).values()) {
            Map.Entry<Long, Piece> next = pieces.higherEntry(piece.firstSeq());
            if (!toTheEnd && (piece.lastSeq() >= beforeSeq || next == null)) {
                break;
            }
            if (fragmenter == null) {
                // only once a piece is spooled: until it is finished the first piece may still grow (its GOP
                // continued), and the tracks and timeline are those of the piece as it is stored
                fragmenter = fragmenterFor(pieces.firstEntry().getValue());
            }
            HeldPiece samples = piece.equals(readAhead) ? readAheadSamples : samples(piece);
            readAhead = next == null ? null : next.getValue();
            readAheadSamples = readAhead == null ? null : samples(readAhead);
            append(piece, samples, readAheadSamples == null ? null : readAheadSamples.start());
            if (toTheEnd && next != null && spoolBytes >= minChunkBytes) {
                // finishing from storage (the live spool was lost): keep the tail under one chunk, so that the
                // archive of a long session is never one array in memory; the last piece stays in the tail
                storeChunk();
            }
        }
    }

    /**
     * Appends the piece's fragment, its last samples lasting until {@code next} starts (or as the session's last). What
     * the spool counts changes only once the fragment is in the file; a failure before leaves the spool broken.
     *
     * @param samples the piece's, or null when it is not FLV: it is left out
     */
    private void append(Piece piece, HeldPiece samples, PieceStart next) throws IOException {
        long at = spoolBytes;
        if (samples != null) {
            ArchiveFragmenter f = fragmenter;
            OutputStream buffered = new BufferedOutputStream(out, WRITE_BUFFER);
            if (at == 0 && chain.isEmpty()) {
                byte[] init = f.initSegment();
                buffered.write(init);
                at = init.length;
            }
            // mfhd numbers rise with the records: the piece's first sequence number, plus one (they start at 1)
            long sequenceNumber = piece.firstSeq() + 1;
            SpilledFragment spilled = samples.spilled();
            // a piece held neither in memory nor set aside is read from its local copy (a GOP kept for its chunk)
            OpenFragment open = spilled != null ? spilled.open()
                    : f.open(samples.samples() != null ? samples.samples() : read(piece));
            Fragment fragment = f.fragment(sequenceNumber, open, next);
            long bytes;
            try {
                bytes = spilled != null ? spilled.writeTo(fragment, buffered) : fragment.writeTo(buffered);
            } catch (SpilledFragment.MediaLostException e) {
                // nothing written yet: the same samples, read again (a kept GOP's record from the local cache)
                LOG.warnf("session %s: %s; piece %s read again", ref, e.getMessage(), piece.fileName());
                fragment = f.fragment(sequenceNumber, f.open(read(piece)), next);
                bytes = fragment.writeTo(buffered);
            }
            buffered.flush();
            spoolBytes = at + bytes;
            endMillis = Math.max(endMillis, fragment.endMillis());
        }
        offsets.add(at);
        spooled.add(piece);
        discardAll(held.headMap(piece.lastSeq(), true));
    }

    private void storeChunk() throws IOException {
        out.flush();
        Chunk chunk = new Chunk(spooled.get(0).firstSeq(), spooled.get(spooled.size() - 1).lastSeq(), spoolBytes,
                spooled.stream().mapToLong(Piece::ingestedBytes).sum(), endMillis);
        try {
            store.putFile(PartKeys.key(ref.channel(), ref.sessionId(), chunk), file, ArchiveStore.MP4);
        } catch (ObjectStorageException e) {
            LOG.infof("session %s: chunk %s not stored yet (%s); tried again at the next GOP", ref, chunk.fileName(),
                    e.getMessage());
            return;
        }
        chain.add(chunk);
        spooled.clear();
        offsets.clear();
        spoolBytes = 0;
        out.close();
        out = Files.newOutputStream(file);
    }

    /** The session's fragmenter: the tracks and timeline its first piece sets. */
    private ArchiveFragmenter fragmenterFor(Piece first) throws IOException {
        HeldPiece h = held(first);
        PieceSamples firstSamples = h != null ? h.samples() : null;
        if (firstSamples == null) {
            byte[] bytes = reader.read(ref, first).orElseThrow(() -> new IOException("first piece "
                    + first.fileName() + " of " + ref + " is gone"));
            firstSamples = PieceSamples.read(bytes);
        }
        return ArchiveFragmenter.forFirstPiece(firstSamples);
    }

    /**
     * A piece's samples, held or read, or null for one that is not FLV (only damage in storage does that; it is left
     * out).
     */
    private HeldPiece samples(Piece piece) {
        HeldPiece h = held(piece);
        if (h != null) {
            return h;
        }
        try {
            return HeldPiece.inMemory(piece, read(piece));
        } catch (FlvFormatException e) {
            LOG.errorf("session %s: piece %s is not FLV (%s); archiving without it", ref, piece.fileName(),
                    e.getMessage());
            return null;
        }
    }

    /**
     * A piece's samples from its local copy or storage.
     *
     * @throws FlvFormatException when it is not FLV
     */
    private PieceSamples read(Piece piece) {
        byte[] bytes = reader.read(ref, piece).orElseThrow(() -> new ObjectStorageException("piece " + piece.fileName()
                + " of " + ref + " vanished", null));
        return PieceSamples.read(bytes);
    }

    /** What is held of exactly this piece (the same records), or null. */
    private HeldPiece held(Piece piece) {
        HeldPiece h = held.get(piece.firstSeq());
        return h != null && h.piece().lastSeq() == piece.lastSeq() ? h : null;
    }

    /**
     * Sets the bytes of the held pieces still in memory aside, once the archive's tracks are known (they say which
     * samples a fragment holds). A piece whose bytes cannot be set aside stays in memory: spooling it tells what is
     * wrong, as it did before, where a failure is handled.
     */
    private void spillHeld() {
        if (fragmenter == null) {
            return;
        }
        for (Map.Entry<Long, HeldPiece> e : held.entrySet()) {
            Piece p = e.getValue().piece();
            try {
                e.setValue(e.getValue().spill(fragmenter, file.resolveSibling(file.getFileName() + "-" + p.firstSeq()
                        + "-" + p.lastSeq() + ".mdat")));
            } catch (IOException | RuntimeException ex) {
                // a disk that is full fails every GOP's: told once, as the memory it costs grows
                Logger.Level level = spillFailed ? Logger.Level.DEBUG : Logger.Level.WARN;
                LOG.logf(level, "session %s: samples of %s kept in memory (%s)%s", ref, p.fileName(), ex.toString(),
                        spillFailed ? "" : "; further failures of this session's spool at debug level");
                spillFailed = true;
            }
        }
    }

    private void requireIntact() {
        if (broken) {
            throw new IllegalStateException("the spool of session " + ref + " failed or finished: it cannot be used");
        }
    }

    /** Drops held pieces: their files of samples set aside with them. */
    private void discardAll(Map<Long, HeldPiece> dropped) {
        dropped.values().forEach(this::discard);
        dropped.clear();
    }

    private void discard(HeldPiece h) {
        if (h != null) {
            try {
                h.discard();
            } catch (IOException e) {
                LOG.debugf("session %s: cannot remove the samples set aside of %s: %s", ref, h.piece().fileName(),
                        e.toString());
            }
        }
    }

    /**
     * What the archive is made of.
     *
     * @param chunks     stored chunks, in order, to be copied server-side
     * @param tail       the bytes after them (the whole archive when there is no chunk)
     * @param bytes      the archive's size
     * @param endMillis  where its longest track ends: its duration (it starts at zero)
     * @param ingestedBytes the bytes of the records it was made from
     */
    public record ArchiveBody(List<Chunk> chunks, byte[] tail, long bytes, long endMillis, long ingestedBytes) {
    }
}
