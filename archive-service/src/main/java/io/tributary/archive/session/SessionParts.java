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
     * The chunks the archive starts with: from the first piece on, each starting at the piece after the one before,
     * and none holding the last piece (the archive's tail, uploaded at the end, always does). Chunks that do not
     * follow (written by an instance that lost the session mid-way) are left out; their pieces go in the tail.
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
            if (c == null || c.lastSeq() >= lastPiece) {
                break;
            }
            chain.add(c);
            next = pieces.higherKey(c.lastSeq());
        }
        return chain;
    }

    public static SessionParts none() {
        return fromKeys(List.of());
    }

    /** The sequence number after the last stored piece, or -1 when there is none (any record may come first). */
    public long nextSequence() {
        return pieces.isEmpty() ? -1 : pieces.lastEntry().getValue().lastSeq() + 1;
    }

    /** The mode the session started with, or null before its first piece. */
    public EncodeMode mode() {
        return pieces.isEmpty() ? null : pieces.firstEntry().getValue().mode();
    }

    /** Bytes of all records the pieces were made from. */
    public long ingestedBytes() {
        return pieces.values().stream().mapToLong(Piece::ingestedBytes).sum();
    }

    /** Mean of the SSIM samples, or null when none was measured. */
    public Double ssim() {
        var stats = pieces.values().stream().filter(p -> p.ssim() != null).mapToDouble(Piece::ssim).summaryStatistics();
        return stats.getCount() == 0 ? null : stats.getAverage();
    }

    /** Sequence numbers missing between the first and the last piece (0 when the pieces follow each other). */
    public long missingRecords() {
        long missing = 0;
        long expected = -1;
        for (Piece p : pieces.values()) {
            if (expected >= 0 && p.firstSeq() > expected) {
                missing += p.firstSeq() - expected;
            }
            expected = p.lastSeq() + 1;
        }
        return missing;
    }
}
