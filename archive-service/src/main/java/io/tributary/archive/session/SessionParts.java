package io.tributary.archive.session;

import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PartName.Raw;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What object storage holds for one session, read back from one listing of its parts prefix: the pieces, and the raw
 * records kept for a GOP that may still be continued.
 *
 * <p>When a piece was replaced by a wider one (a continuation record arrived) and the crash came before the narrower
 * one was deleted, both are listed: the widest piece per first sequence number wins.
 */
public record SessionParts(NavigableMap<Long, Piece> pieces, NavigableSet<Long> raws, List<String> keys) {

    public static SessionParts fromKeys(List<String> keys) {
        NavigableMap<Long, Piece> pieces = new TreeMap<>();
        NavigableSet<Long> raws = new TreeSet<>();
        for (String key : keys) {
            PartName name = PartName.parse(PartKeys.fileName(key)).orElse(null);
            if (name instanceof Piece p) {
                pieces.merge(p.firstSeq(), p, (a, b) -> a.lastSeq() >= b.lastSeq() ? a : b);
            } else if (name instanceof Raw r) {
                raws.add(r.seq());
            }
        }
        return new SessionParts(pieces, raws, List.copyOf(keys));
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
