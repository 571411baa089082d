package io.tributary.archive.session;

import io.tributary.archive.store.PartName.Chunk;
import io.tributary.archive.store.PartName.Piece;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Finds the chunk chain that puts the most GOPs in a session's archive (see {@link SessionParts#chunkChain()}).
 *
 * <p>A chain is a path through positions (first sequence numbers of pieces and chunks): at each one the archive
 * either ends its chunks (the pieces from there on are its tail) or takes a chunk starting there and goes on at the
 * first piece or chunk after it. The GOPs each choice holds from a position on depend only on that position, so one
 * pass from the last position back to the first gives the best choice everywhere: linear in the number of parts.
 */
final class ChainSearch {
    /** Widest first: at a tie the chain with fewer, wider chunks is taken (as the chain was before chunks overlapped). */
    private static final Comparator<Chunk> WIDEST_FIRST = Comparator.comparingLong(Chunk::lastSeq).reversed();

    private ChainSearch() {
    }

    /** The best chain; empty when there is no piece (the first GOP is always a piece) or no chunk follows it. */
    static List<Chunk> best(NavigableMap<Long, Piece> pieces, NavigableMap<Long, List<Chunk>> chunks) {
        List<Chunk> chain = new ArrayList<>();
        if (pieces.isEmpty()) {
            return chain;
        }
        long first = pieces.firstKey();
        long lastPiece = pieces.lastKey();
        NavigableSet<Long> positions = new TreeSet<>(pieces.keySet());
        positions.addAll(chunks.tailMap(first, true).keySet());
        Map<Long, Long> held = new HashMap<>();
        Map<Long, Chunk> taken = new HashMap<>();
        long tail = 0;
        for (long at : positions.descendingSet()) {
            Piece piece = pieces.get(at);
            if (piece != null) {
                tail += piece.lastSeq() - piece.firstSeq() + 1;
            }
            long best = tail;
            Chunk choice = null;
            List<Chunk> starting = new ArrayList<>(chunks.getOrDefault(at, List.of()));
            starting.sort(WIDEST_FIRST);
            for (Chunk c : starting) {
                if (!c.describesItsGops() && c.lastSeq() >= lastPiece) {
                    continue; // named the old way: the last piece was always the tail's
                }
                Long next = positions.higher(c.lastSeq());
                long value = c.lastSeq() - c.firstSeq() + 1 + (next == null ? 0 : held.get(next));
                if (choice == null ? value >= best : value > best) {
                    best = value;
                    choice = c;
                }
            }
            held.put(at, best);
            if (choice != null) {
                taken.put(at, choice);
            }
        }
        Long at = first;
        while (at != null && taken.containsKey(at)) {
            Chunk c = taken.get(at);
            chain.add(c);
            at = positions.higher(c.lastSeq());
        }
        return chain;
    }
}
