package io.tributary.archive.session;

import io.tributary.archive.assemble.ArchiveFragmenter;
import io.tributary.archive.assemble.ArchiveFragmenter.Fragment;
import io.tributary.archive.assemble.PieceSamples;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName.Chunk;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.ObjectStore;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
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
 * again from storage. A chunk that cannot be stored now is tried again at the next GOP. In copy mode the spool is also
 * where most GOPs are kept until a chunk stores them (they have no piece of their own, see {@link SessionArchive}):
 * a chunk's name says what its records weighed and where its media ends, which the pieces said before.
 *
 * <p>Not thread-safe: used under its session's partition lock, or by the finaliser alone.
 */
public final class FragmentSpool implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FragmentSpool.class);
    private static final int WRITE_BUFFER = 1 << 20;

    private final SessionRef ref;
    private final ArchiveStore store;
    private final PartReader reader;
    private final Path file;
    private final List<Chunk> chain;
    private final List<Piece> spooled = new ArrayList<>();
    /** Where each of {@link #spooled}'s fragments starts in the spool file: a flush rewinds the file to one. */
    private final List<Long> offsets = new ArrayList<>();
    /**
     * Samples of pieces not spooled yet, handed over by the session as it stored them ({@link #hold}): normally the
     * GOP waiting for its successor and that successor, so a piece is read once, from memory, rather than written to
     * the local cache and read back twice (as itself, then as the next piece that times its last samples).
     */
    private final NavigableMap<Long, Held> held = new TreeMap<>();
    private final long minChunkBytes;
    private ArchiveFragmenter fragmenter;
    private OutputStream out;
    private long spoolBytes;
    private long endMillis;

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
        spool.out = new BufferedOutputStream(Files.newOutputStream(file), WRITE_BUFFER);
        return spool;
    }

    /**
     * Keeps a just-stored piece's samples for when it is spooled (replacing those of a narrower piece with the same
     * first record). A piece whose samples were not held is read from the local cache or storage instead.
     */
    public void hold(Piece piece, PieceSamples samples) {
        if (piece.lastSeq() > throughSeq()) {
            held.put(piece.firstSeq(), new Held(piece, samples));
        }
    }

    /** The last sequence number in a stored chunk, or -1. */
    public long chainThroughSeq() {
        return chain.isEmpty() ? -1 : chain.get(chain.size() - 1).lastSeq();
    }

    /**
     * Replaces the pieces from {@code wide.firstSeq()} on, spooled or held, by {@code wide} (the same GOPs stored as
     * one piece): their fragments are cut from the spool file and {@code wide} is held, to be spooled as one fragment
     * when its successor comes, exactly as an instance finishing from storage fragments the stored piece.
     */
    public void replace(Piece wide, PieceSamples samples) throws IOException {
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
            out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND), WRITE_BUFFER);
            spoolBytes = cut;
            spooled.subList(from, spooled.size()).clear();
            offsets.subList(from, offsets.size()).clear();
        }
        held.tailMap(wide.firstSeq(), true).clear();
        hold(wide, samples);
    }

    /** The last sequence number in a chunk or the spool, or -1. */
    public long throughSeq() {
        if (!spooled.isEmpty()) {
            return spooled.get(spooled.size() - 1).lastSeq();
        }
        return chain.isEmpty() ? -1 : chain.get(chain.size() - 1).lastSeq();
    }

    /**
     * True when storage lists the chunks this spool wrote and the pieces it spooled, those it spooled but storage
     * cannot list aside (GOPs kept for their chunk, their first sequence numbers in {@code unstored}): it can finish
     * the archive.
     */
    public boolean agreesWith(SessionParts parts, Set<Long> unstored) {
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
        spool(pieces, beforeSeq, false);
        if (spoolBytes >= minChunkBytes) {
            storeChunk();
        }
    }

    /**
     * Spools every remaining piece (the last one timed as the session's end) and closes the spool.
     *
     * @return the chunks the archive starts with and the bytes after them
     */
    public ArchiveBody finish(NavigableMap<Long, Piece> pieces) throws IOException {
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

    /** Closes and deletes the local file. */
    @Override
    public void close() {
        held.clear();
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
        Piece first = pieces.firstEntry().getValue();
        PieceSamples nextSamples = null;
        for (Piece piece : pieces.tailMap(throughSeq(), false).values()) {
            Map.Entry<Long, Piece> next = pieces.higherEntry(piece.firstSeq());
            if (!toTheEnd && (piece.lastSeq() >= beforeSeq || next == null)) {
                break;
            }
            PieceSamples samples = nextSamples != null ? nextSamples : samples(first, piece);
            nextSamples = next == null ? null : samples(first, next.getValue());
            append(piece, samples, nextSamples);
            if (toTheEnd && next != null && spoolBytes >= minChunkBytes) {
                // finishing from storage (the live spool was lost): keep the tail under one chunk, so that the
                // archive of a long session is never one array in memory; the last piece stays in the tail
                storeChunk();
            }
        }
    }

    private void append(Piece piece, PieceSamples samples, PieceSamples next) throws IOException {
        if (samples != null) {
            ArchiveFragmenter f = fragmenter(null);
            if (spoolBytes == 0 && chain.isEmpty()) {
                write(f.initSegment());
            }
            // mfhd numbers rise with the records: the piece's first sequence number, plus one (they start at 1)
            Fragment fragment = f.fragment(piece.firstSeq() + 1, samples, next);
            offsets.add(spoolBytes);
            spoolBytes += fragment.writeTo(out);
            endMillis = Math.max(endMillis, fragment.endMillis());
        } else {
            offsets.add(spoolBytes);
        }
        spooled.add(piece);
        held.headMap(piece.lastSeq(), true).clear();
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        spoolBytes += bytes.length;
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
        out = new BufferedOutputStream(Files.newOutputStream(file), WRITE_BUFFER);
    }

    /** The session's fragmenter, set by its first piece (read once, however often it is asked). */
    private ArchiveFragmenter fragmenter(Piece first) throws IOException {
        if (fragmenter == null) {
            if (first == null) {
                throw new IllegalStateException("no first piece to set the archive's tracks");
            }
            PieceSamples firstSamples = heldSamples(first);
            if (firstSamples == null) {
                byte[] bytes = reader.read(ref, first).orElseThrow(() -> new IOException("first piece "
                        + first.fileName() + " of " + ref + " is gone"));
                firstSamples = PieceSamples.read(bytes);
            }
            fragmenter = ArchiveFragmenter.forFirstPiece(firstSamples);
        }
        return fragmenter;
    }

    /** A piece's samples, or null for one that is not FLV (only damage in storage does that; it is left out). */
    private PieceSamples samples(Piece first, Piece piece) throws IOException {
        fragmenter(first);
        PieceSamples known = heldSamples(piece);
        if (known != null) {
            return known;
        }
        byte[] bytes = reader.read(ref, piece).orElseThrow(() -> new ObjectStorageException("piece " + piece.fileName()
                + " of " + ref + " vanished", null));
        try {
            return PieceSamples.read(bytes);
        } catch (FlvFormatException e) {
            LOG.errorf("session %s: piece %s is not FLV (%s); archiving without it", ref, piece.fileName(),
                    e.getMessage());
            return null;
        }
    }

    /** The held samples of exactly this piece (the same records), or null. */
    private PieceSamples heldSamples(Piece piece) {
        Held h = held.get(piece.firstSeq());
        return h != null && h.piece().lastSeq() == piece.lastSeq() ? h.samples() : null;
    }

    private record Held(Piece piece, PieceSamples samples) {
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
