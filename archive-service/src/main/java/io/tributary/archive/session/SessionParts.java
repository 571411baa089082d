package io.tributary.archive.session;

import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName;
import io.tributary.archive.store.PartName.Chunk;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PartName.Raw;
import java.util.ArrayList;
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
 * one was deleted, both are listed: the widest piece per first sequence number wins. Likewise for chunks.
 */
public record SessionParts(NavigableMap<Long, Piece> pieces, NavigableSet<Long> raws, NavigableMap<Long, Chunk> chunks,
                           List<String> keys) {

    public static SessionParts fromKeys(List<String> keys) {
        NavigableMap<Long, Piece> pieces = new TreeMap<>();
        NavigableSet<Long> raws = new TreeSet<>();
        NavigableMap<Long, Chunk> chunks = new TreeMap<>();
        for (String key : keys) {
            PartName name = PartName.parse(PartKeys.fileName(key)).orElse(null);
            if (name instanceof Piece p) {
                pieces.merge(p.firstSeq(), p, (a, b) -> a.lastSeq() >= b.lastSeq() ? a : b);
            } else if (name instanceof Raw r) {
                raws.add(r.seq());
            } else if (name instanceof Chunk c) {
                chunks.merge(c.firstSeq(), c, (a, b) -> a.lastSeq() >= b.lastSeq() ? a : b);
            }
        }
        return new SessionParts(pieces, raws, chunks, List.copyOf(keys));
    }

    /**
     * The chunks the archive starts with: from the first piece on (a session's first GOP is always stored as a
     * piece), each starting at the first piece or chunk after the one before. Chunks that do not follow (written by
     * an instance that lost the session mid-way) are left out; their pieces go in the tail. A chunk named the old way
     * never holds the last piece (the tail, uploaded at the end, always did); a chunk that describes its GOPs may: in
     * copy mode the GOPs after it are in no piece until a chunk or the end stores them, and their records are not
     * committed, so whoever finishes the session has them from Kafka.
     */
    public List<Chunk> chunkChain() {
        List<Chunk> chain = new ArrayList<>();
        if (pieces.isEmpty()) {
            return chain;
        }
        long lastPiece = pieces.lastKey();
        Long next = pieces.firstKey();
        while (next != null) {
            Chunk c = chunks.get(next);
            if (c == null || (!c.describesItsGops() && c.lastSeq() >= lastPiece)) {
                break;
            }
            chain.add(c);
            next = lower(pieces.higherKey(c.lastSeq()), chunks.higherKey(c.lastSeq()));
        }
        return chain;
    }

    private static Long lower(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
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
        List<Chunk> chain = chunkChain();
        if (!chain.isEmpty()) {
            last = Math.max(last, chain.get(chain.size() - 1).lastSeq());
        }
        return last + 1;
    }

    /** The mode the session started with, or null before its first piece. */
    public EncodeMode mode() {
        return pieces.isEmpty() ? null : pieces.firstEntry().getValue().mode();
    }

    /** Bytes of all records the pieces were made from (in copy mode most GOPs are in chunks only: see FragmentSpool). */
    public long ingestedBytes() {
        return pieces.values().stream().mapToLong(Piece::ingestedBytes).sum();
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
        chunkChain().forEach(c -> ranges.merge(c.firstSeq(), c.lastSeq(), Math::max));
        long missing = 0;
        long expected = -1;
        for (var range : ranges.entrySet()) {
            if (expected >= 0 && range.getKey() > expected) {
                missing += range.getKey() - expected;
            }
            expected = Math.max(expected, range.getValue() + 1);
        }
        return missing;
    }
}
