package io.tributary.archive.session;

import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName;
import io.tributary.archive.store.PartName.Chunk;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PartName.Raw;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What object storage holds for one session, read back from one listing of its parts prefix: the pieces, the raw
 * records kept for a GOP that may still be continued, and the chunks of archive fragments made while it was live.
 *
 * <p>When a piece was replaced by a wider one (a continuation record arrived) and the crash came before the narrower
 * one was deleted, both are listed: the widest piece per first sequence number wins. Every chunk is kept: chunks
 * with the same first GOP need not hold the same GOPs (see {@link #chunkChain}). Made only from a listing
 * ({@link #fromKeys}), so that the chain is always the one its pieces and chunks give.
 */
public final class SessionParts {
    private final NavigableMap<Long, Piece> pieces;
    private final NavigableSet<Long> raws;
    private final NavigableMap<Long, List<Chunk>> chunks;
    private final List<Chunk> chunkChain;

    private SessionParts(NavigableMap<Long, Piece> pieces, NavigableSet<Long> raws,
                         NavigableMap<Long, List<Chunk>> chunks, List<Chunk> chunkChain) {
        this.pieces = pieces;
        this.raws = raws;
        this.chunks = chunks;
        this.chunkChain = chunkChain;
    }

    public static SessionParts fromKeys(List<String> keys) {
        NavigableMap<Long, Piece> pieces = new TreeMap<>();
        NavigableSet<Long> raws = new TreeSet<>();
        NavigableMap<Long, List<Chunk>> chunks = new TreeMap<>();
        for (String key : keys) {
            PartName name = PartName.parse(PartKeys.fileName(key)).orElse(null);
            if (name instanceof Piece p) {
                pieces.merge(p.firstSeq(), p, (a, b) -> a.lastSeq() >= b.lastSeq() ? a : b);
            } else if (name instanceof Raw r) {
                raws.add(r.seq());
            } else if (name instanceof Chunk c) {
                chunks.computeIfAbsent(c.firstSeq(), k -> new ArrayList<>()).add(c);
            }
        }
        chunks.replaceAll((first, list) -> List.copyOf(list));
        // read-only, so that the chain found here once stays the chain of these parts
        return new SessionParts(Collections.unmodifiableNavigableMap(pieces),
                Collections.unmodifiableNavigableSet(raws), Collections.unmodifiableNavigableMap(chunks),
                List.copyOf(ChainSearch.best(pieces, chunks)));
    }

    /** The widest piece per first sequence number, read-only. */
    public NavigableMap<Long, Piece> pieces() {
        return pieces;
    }

    /** The raw records kept for a GOP that may still be continued, read-only. */
    public NavigableSet<Long> raws() {
        return raws;
    }

    /** Every chunk listed, by first sequence number, read-only. */
    public NavigableMap<Long, List<Chunk>> chunks() {
        return chunks;
    }

    /**
     * The chunks the archive starts with, found once per listing ({@link ChainSearch}): from the first piece on (a
     * session's first GOP is always stored as a piece), each starting at the first piece or chunk after the one before;
     * the archive's tail is the pieces after the last of them. A chunk named the old way never holds the last piece
     * (the tail, uploaded at the end, always did); a chunk that describes its GOPs may: in copy mode the GOPs after it
     * are in no piece until a chunk or the end stores them, and their records are not committed, so whoever finishes
     * the session has them from Kafka. In copy mode chunk boundaries depend on timing (GOPs that waited too long are
     * stored as one piece, which is one fragment), so an instance that lost the session mid-way may have stored chunks
     * that overlap the new owner's, and GOPs past its last chunk may be held by no piece, only by chunks: of all the
     * chains, the one whose chunks and tail hold the most GOPs is taken, the widest chunk at a tie.
     * {@link #strandedGops()} counts what is held but off the archive even so.
     */
    public List<Chunk> chunkChain() {
        return chunkChain;
    }

    /**
     * GOPs that a stored chunk or piece holds but the archive made of {@code chunkChain} and the pieces after it
     * would not (chunks that overlap so that no chain takes them all): an archive made now would lose them.
     */
    public long strandedGops() {
        if (pieces.isEmpty()) {
            return 0;
        }
        long chainEnd = chunkChain.isEmpty() ? -1 : chunkChain.get(chunkChain.size() - 1).lastSeq();
        NavigableMap<Long, Long> archived = new TreeMap<>();
        chunkChain.forEach(c -> archived.merge(c.firstSeq(), c.lastSeq(), Math::max));
        pieces.tailMap(chainEnd, false).values().forEach(p -> archived.merge(p.firstSeq(), p.lastSeq(), Math::max));
        NavigableMap<Long, Long> held = new TreeMap<>();
        pieces.values().forEach(p -> held.merge(p.firstSeq(), p.lastSeq(), Math::max));
        chunks.tailMap(pieces.firstKey(), true).values().forEach(list -> list.forEach(c -> held.merge(c.firstSeq(),
                c.lastSeq(), Math::max)));
        // what the archive takes is among what is held
        return unionSize(held) - unionSize(archived);
    }

    /** How many sequence numbers the ranges (first to last, inclusive, by first) cover together. */
    private static long unionSize(NavigableMap<Long, Long> ranges) {
        long size = 0;
        long through = Long.MIN_VALUE;
        for (var range : ranges.entrySet()) {
            long from = Math.max(range.getKey(), through + 1);
            if (range.getValue() >= from) {
                size += range.getValue() - from + 1;
            }
            through = Math.max(through, range.getValue());
        }
        return size;
    }

    public static SessionParts none() {
        return fromKeys(List.of());
    }

    /**
     * The sequence number after the last GOP stored in a piece or a chunk of the chain, or -1 when there is none (any
     * record may come first): records before it are durable, a replay of them is skipped.
     */
    public long nextSequence() {
        if (pieces.isEmpty()) {
            return -1;
        }
        long last = pieces.lastEntry().getValue().lastSeq();
        if (!chunkChain.isEmpty()) {
            last = Math.max(last, chunkChain.get(chunkChain.size() - 1).lastSeq());
        }
        return last + 1;
    }

    /** The mode the session started with, or null before its first piece. */
    public EncodeMode mode() {
        return pieces.isEmpty() ? null : pieces.firstEntry().getValue().mode();
    }

    /** Mean of the SSIM samples, or null when none was measured. */
    public Double ssim() {
        var stats = pieces.values().stream().filter(p -> p.ssim() != null).mapToDouble(Piece::ssim).summaryStatistics();
        return stats.getCount() == 0 ? null : stats.getAverage();
    }

    /**
     * Sequence numbers in neither a piece nor a chunk of the chain between the first and the last of them (0 when
     * they follow each other).
     */
    public long missingRecords() {
        NavigableMap<Long, Long> ranges = new TreeMap<>();
        pieces.values().forEach(p -> ranges.merge(p.firstSeq(), p.lastSeq(), Math::max));
        chunkChain.forEach(c -> ranges.merge(c.firstSeq(), c.lastSeq(), Math::max));
        if (ranges.isEmpty()) {
            return 0;
        }
        long last = ranges.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        return last - ranges.firstKey() + 1 - unionSize(ranges);
    }
}
