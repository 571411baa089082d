package io.tributary.archive.session;

import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PieceCache;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Copy mode: the GOPs a session keeps only on this instance until a chunk (or a piece) stores them — their records in
 * the local {@link PieceCache}, from which the live spool fragments them — with the stages of those records. The
 * record loop commits an offset only over completed stages, so a GOP kept here is one that a crash hands to the next
 * owner again.
 *
 * <p>Not thread-safe: used under its session's partition lock.
 */
final class KeptGops {
    private final SessionRef ref;
    private final PieceCache cache;
    /** By first sequence number (in copy mode a piece is one record). */
    private final NavigableMap<Long, Kept> kept = new TreeMap<>();

    /** A GOP kept, its record's stage, and when the record was handed over (wall clock). */
    private record Kept(Piece piece, CompletableFuture<Void> stage, long sinceWallMillis) {
    }

    KeptGops(SessionRef ref, PieceCache cache) {
        this.ref = ref;
        this.cache = cache;
    }

    /**
     * Keeps a GOP just handed over; its record's stage completes when {@link #storedThrough} passes it.
     *
     * @throws IOException when its local copy cannot be written: it is not kept (the caller stores it another way)
     */
    CompletableFuture<Void> keep(Piece piece, byte[] record, long wallMillis) throws IOException {
        cache.write(ref.channel(), ref.sessionId(), piece.fileName(), record);
        Kept k = new Kept(piece, new CompletableFuture<>(), wallMillis);
        kept.put(piece.firstSeq(), k);
        return k.stage();
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The first sequence numbers of the GOPs kept: storage cannot list them. */
    Set<Long> firstSeqs() {
        return Collections.unmodifiableSet(kept.keySet());
    }

    /** The stage of a record kept here (handed again: a replay), or null when its GOP is not kept. */
    CompletableFuture<Void> stageOf(long seq) {
        Kept k = kept.get(seq);
        return k == null ? null : k.stage();
    }

    /** The GOPs through {@code seq} are stored (in a chunk or a piece): their copies go, their records are done. */
    void storedThrough(long seq) {
        var stored = kept.headMap(seq, true);
        for (Kept k : stored.values()) {
            cache.remove(ref.channel(), ref.sessionId(), k.piece().fileName());
            k.stage().complete(null);
        }
        stored.clear();
    }

    /** The session's archive is announced: every record is done (the finaliser removed the local copies). */
    void doneAll() {
        kept.values().forEach(k -> k.stage().complete(null));
        kept.clear();
    }

    /** What only this instance held is gone: the records are to be fetched again (or go to the next owner). */
    void drop(Throwable why) {
        for (Kept k : kept.values()) {
            cache.remove(ref.channel(), ref.sessionId(), k.piece().fileName());
            k.stage().completeExceptionally(why);
        }
        kept.clear();
    }

    /** True when the oldest GOP kept has waited {@code limit} or longer. */
    boolean oldestWaited(Duration limit, long nowMillis) {
        return !kept.isEmpty() && nowMillis - kept.firstEntry().getValue().sinceWallMillis() >= limit.toMillis();
    }

    int size() {
        return kept.size();
    }

    /** The records of the GOPs kept, in order, from their local copies; null when one is gone (the disk failed). */
    List<byte[]> records() {
        List<byte[]> records = new ArrayList<>();
        for (Kept k : kept.values()) {
            byte[] copy = cache.get(ref.channel(), ref.sessionId(), k.piece().fileName()).orElse(null);
            if (copy == null) {
                return null;
            }
            records.add(copy);
        }
        return records;
    }

    /**
     * Stores each GOP kept as a piece of its own, in order, its record read from its local copy just before it is
     * stored (one in memory at a time); each is done once stored.
     *
     * @return false when a local copy is gone (the disk failed): the GOPs before it are stored, it and those after
     *         stay kept
     * @throws io.tributary.storage.ObjectStorageException when a piece cannot be stored now: it and the GOPs after it
     *                                                     stay kept
     */
    boolean storeEach(BiConsumer<Piece, byte[]> store) {
        while (!kept.isEmpty()) {
            Piece piece = kept.firstEntry().getValue().piece();
            byte[] record = cache.get(ref.channel(), ref.sessionId(), piece.fileName()).orElse(null);
            if (record == null) {
                return false;
            }
            store.accept(piece, record);
            storedThrough(piece.lastSeq());
        }
        return true;
    }

    /** The one piece that stores every GOP kept (records first..last, their bytes as they came). */
    Piece spanning() {
        long ingested = kept.values().stream().mapToLong(k -> k.piece().ingestedBytes()).sum();
        return new Piece(kept.firstKey(), kept.lastEntry().getValue().piece().lastSeq(), ingested, EncodeMode.COPY,
                null);
    }
}
