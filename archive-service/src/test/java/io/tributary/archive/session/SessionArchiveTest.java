package io.tributary.archive.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PieceCache;
import io.tributary.media.gop.GopMetadata;
import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy mode with a live spool: a GOP kept only here for its chunk is in the local cache alone, and when it is lost the
 * session must never be stored or finished past it. The store is never reached (these paths must fail before storing
 * anything).
 */
class SessionArchiveTest {
    private static final SessionRef REF = new SessionRef("alice", "01J0000000000000000000000A");
    private static final Piece FIRST = new Piece(0, 0, 100, EncodeMode.COPY, null);
    private static final ArchiveStore UNREACHABLE = new ArchiveStore(new S3Settings("http://127.0.0.1:1", "k", "s",
            "b", "us-east-1"));

    @TempDir
    Path work;

    private PieceCache cache;
    private SessionArchive archive;

    @BeforeEach
    void setUp() {
        cache = new PieceCache(work.resolve("cache"));
        archive = session(cache);
    }

    @Test
    void aKeptGopIsWrittenOnlyToTheLocalCacheAndFragmentedFromThereAsStorageWouldBe() throws Exception {
        // review of session 6: a kept GOP's record went to the local cache and its media to a side file besides
        // the pieces an instance finishing from storage reads
        PieceCache storage = new PieceCache(work.resolve("storage"));
        NavigableMap<Long, Piece> pieces = new TreeMap<>(Map.of(FIRST.firstSeq(), FIRST));
        storage.put(REF.channel(), REF.sessionId(), FIRST.fileName(), FlvGops.of(0));
        for (long seq = 1; seq <= 3; seq++) {
            byte[] record = FlvGops.of(seq * 80);
            Piece piece = new Piece(seq, seq, record.length, EncodeMode.COPY, null);
            storage.put(REF.channel(), REF.sessionId(), piece.fileName(), record);
            pieces.put(seq, piece);

            assertFalse(accept(seq).isDone(), "kept until a chunk stores it");
            assertEquals(List.of(), asideFiles(), "nothing of GOP " + seq + " set aside beside the spool");
        }
        byte[] expected;
        try (FragmentSpool fromStorage = FragmentSpool.resume(REF, SessionParts.none(), UNREACHABLE,
                new PartReader(UNREACHABLE, storage), storage.spoolFile(REF.channel(), REF.sessionId()))) {
            expected = fromStorage.finish(pieces).tail();
        }

        assertEquals(3, archive.waitingRecords(), "every GOP still kept for its chunk");
        assertArrayEquals(expected, archive.finishSpool().tail());
    }

    @Test
    void aLostKeptGopFailsTheEndInsteadOfFinishingWithoutIt() {
        CompletableFuture<Void> first = accept(1);
        CompletableFuture<Void> second = accept(2);
        assertFalse(first.isDone(), "kept until a chunk stores it");
        loseLocalCopyOf(1);

        assertThrows(SessionAbandonedException.class, archive::storeKeptForTheEnd);
        assertEquals(0, archive.waitingRecords(), "nothing kept any more");
        assertTrue(first.isCompletedExceptionally(), "its record is handed again");
        assertTrue(second.isCompletedExceptionally(), "its record is handed again");
    }

    @Test
    void aRecordAfterTheEndBeganIsNotStoredPastALostKeptGop() throws Exception {
        CompletableFuture<Void> kept = accept(1);
        archive.finishSpool(); // the finaliser took the tail, then failed: the session stays open
        archive.endFailed();
        loseLocalCopyOf(1);

        assertThrows(SessionAbandonedException.class, () -> accept(2));
        assertEquals(0, archive.waitingRecords(), "nothing kept any more");
        assertTrue(kept.isCompletedExceptionally());
    }

    @Test
    void aGopWhoseLocalCopyCannotBeWrittenIsNotKept() throws Exception {
        // a directory where the copy of GOP 1 would go: the copy cannot be written
        Piece gop1 = new Piece(1, 1, FlvGops.of(80).length, EncodeMode.COPY, null);
        Files.createDirectories(cache.root().resolve("pieces").resolve(REF.channel()).resolve(REF.sessionId())
                .resolve(gop1.fileName()).resolve("in-the-way"));

        // stored as a piece at once instead (which the unreachable store refuses: the record is handed again)
        assertThrows(ObjectStorageException.class, () -> accept(1));
        assertEquals(0, archive.waitingRecords(), "nothing kept without a copy");
    }

    /** A copy-mode session whose first GOP is stored as a piece (here: its local copy, read when the spool starts). */
    private static SessionArchive session(PieceCache cache) {
        cache.put(REF.channel(), REF.sessionId(), FIRST.fileName(), FlvGops.of(0));
        SessionArchive.Tools tools = new SessionArchive.Tools(UNREACHABLE, cache, null, null, 0, EncodeMode.COPY,
                Duration.ofMinutes(1));
        SessionParts stored = SessionParts.fromKeys(List.of(PartKeys.key(REF.channel(), REF.sessionId(), FIRST)));
        return new SessionArchive(REF, stored, tools, 0, 0);
    }

    private CompletableFuture<Void> accept(long seq) {
        GopMetadata meta = GopMetadata.of(REF.sessionId(), seq, seq * 80, 80, 1_000 + seq, Set.of());
        return archive.accept(meta, FlvGops.of(seq * 80), 1_000);
    }

    /** The files samples are set aside in, beside the spool. */
    private List<Path> asideFiles() throws Exception {
        try (Stream<Path> files = Files.list(cache.root().resolve("spool").resolve(REF.channel()))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mdat")).toList();
        }
    }

    private void loseLocalCopyOf(long seq) {
        byte[] record = FlvGops.of(seq * 80);
        cache.remove(REF.channel(), REF.sessionId(), new Piece(seq, seq, record.length, EncodeMode.COPY, null)
                .fileName());
    }
}
