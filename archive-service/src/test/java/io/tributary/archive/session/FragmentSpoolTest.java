package io.tributary.archive.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.assemble.PieceSamples;
import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PieceCache;
import io.tributary.storage.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool's bookkeeping, with every piece in the local cache (no object storage is asked). */
class FragmentSpoolTest {
    private static final SessionRef REF = new SessionRef("alice", "01J0000000000000000000000A");

    private static final Piece COPY_0 = new Piece(0, 0, 100, EncodeMode.COPY, null);
    private static final Piece COPY_1 = new Piece(1, 1, 100, EncodeMode.COPY, null);
    private static final Piece COPY_2 = new Piece(2, 2, 100, EncodeMode.COPY, null);

    @TempDir
    Path work;

    private PieceCache cache;

    @BeforeEach
    void setUp() {
        cache = new PieceCache(work.resolve("cache"));
    }

    @Test
    void agreesWithAListingWhoseNamesRoundTheSsimSample() throws Exception {
        // regression: the listed name carries the SSIM to five decimals, the live piece the measured value
        Piece first = new Piece(0, 0, 100, EncodeMode.REENCODE, 0.9712345678);
        Piece second = new Piece(1, 1, 100, EncodeMode.REENCODE, null);
        NavigableMap<Long, Piece> pieces = pieces(first, second);
        try (FragmentSpool spool = spool()) {
            spool.catchUp(pieces, 1);

            assertEquals(0, spool.throughSeq(), "the first GOP is finished, the second may still be continued");
            assertTrue(spool.agreesWith(listing(first, second), Set.of()));
        }
    }

    @Test
    void disagreesWhenStorageHoldsAWiderPieceThanItSpooled() throws Exception {
        try (FragmentSpool spool = spool()) {
            spool.catchUp(pieces(COPY_0, COPY_1), 1);

            assertFalse(spool.agreesWith(listing(new Piece(0, 1, 200, EncodeMode.COPY, null)), Set.of()));
        }
    }

    @Test
    void finishesWithTheInitSegmentAndOneFragmentPerPieceWhenNoChunkWasStored() throws Exception {
        try (FragmentSpool spool = spool()) {
            spool.catchUp(pieces(COPY_0, COPY_1), 1);
            FragmentSpool.ArchiveBody body = spool.finish(pieces(COPY_0, COPY_1));

            assertEquals(List.of(), body.chunks());
            assertEquals(body.tail().length, body.bytes());
            // two frames 40 ms apart in each piece, the last lasting as long: 0..160 ms; shown 40 ms after decoding
            assertEquals(200, body.endMillis());
        }
    }

    @Test
    void fragmentsPiecesHeldInMemoryAsItWouldFromTheirLocalCopies() throws Exception {
        byte[] fromCopies;
        try (FragmentSpool spool = spool()) {
            spool.catchUp(pieces(COPY_0, COPY_1), 1);
            fromCopies = spool.finish(pieces(COPY_0, COPY_1)).tail();
        }
        // nothing in the cache and a store that is never reached: only the held samples can make the fragments
        cache = new PieceCache(work.resolve("empty"));
        NavigableMap<Long, Piece> pieces = new TreeMap<>();
        try (FragmentSpool spool = spool()) {
            for (Piece p : List.of(COPY_0, COPY_1)) {
                pieces.put(p.firstSeq(), p);
                spool.hold(p, PieceSamples.read(piece(p.firstSeq() * 80)));
                spool.catchUp(pieces, p.firstSeq());
            }
            byte[] fromMemory = spool.finish(pieces).tail();

            assertArrayEquals(fromCopies, fromMemory);
        }
    }

    @Test
    void setsTheBytesOfHeldPiecesAsideOnceTheTracksAreKnownAndFragmentsThemAsFromTheirCopies() throws Exception {
        // issue 10: a held GOP's media waits in a file, not on the heap; only what its moof says of it stays there
        Piece copy3 = new Piece(3, 3, 100, EncodeMode.COPY, null);
        byte[] fromCopies = tailFromCopies(COPY_0, COPY_1, COPY_2, copy3);
        cache = new PieceCache(work.resolve("empty"));
        NavigableMap<Long, Piece> pieces = new TreeMap<>();
        try (FragmentSpool spool = spool()) {
            for (Piece p : List.of(COPY_0, COPY_1, COPY_2, copy3)) {
                pieces.put(p.firstSeq(), p);
                PieceSamples samples = PieceSamples.read(piece(p.firstSeq() * 80));
                spool.hold(p, samples);
                spool.catchUp(pieces, p.firstSeq());
                if (p.firstSeq() >= 1) {
                    // the tracks are known once GOP 0 is spooled: GOP 1 is set aside then, the others as they come
                    assertEquals(List.of(aside(p)), asideFiles(), "the bytes of the GOP waiting, alone");
                    assertEquals(5 + 5 + 1 + 1, Files.size(aside(p)), "its two frames and two AAC frames");
                    forget(samples);
                }
            }
            byte[] fromAside = spool.finish(pieces).tail();

            assertArrayEquals(fromCopies, fromAside, "the same bytes, none from the held samples' arrays");
            assertEquals(List.of(), asideFiles(), "every piece spooled: nothing left aside");
        }
    }

    @Test
    void setsNothingAsideOfAPieceWhoseRecordIsInTheLocalCacheAndFragmentsItFromThere() throws Exception {
        // review of session 6: a GOP kept for its chunk was written to the local cache, then its media to a side file
        Piece copy3 = new Piece(3, 3, 100, EncodeMode.COPY, null);
        byte[] fromCopies = tailFromCopies(COPY_0, COPY_1, COPY_2, copy3);
        try (FragmentSpool spool = spool()) {
            NavigableMap<Long, Piece> pieces = new TreeMap<>();
            for (Piece p : List.of(COPY_0, COPY_1, COPY_2, copy3)) {
                pieces.putAll(pieces(p)); // its record in the local cache, as a kept GOP's
                PieceSamples samples = PieceSamples.read(piece(p.firstSeq() * 80));
                spool.holdLocalCopy(p, samples);
                forget(samples);
                spool.catchUp(pieces, p.firstSeq());

                assertEquals(List.of(), asideFiles(), "nothing set aside of GOP " + p.firstSeq());
            }

            assertArrayEquals(fromCopies, spool.finish(pieces).tail(), "the same bytes, read from the local cache");
        }
    }

    @Test
    void removesTheBytesSetAsideWhenClosed() throws Exception {
        try (FragmentSpool spool = spool()) {
            NavigableMap<Long, Piece> pieces = pieces(COPY_0, COPY_1);
            spool.catchUp(pieces, 1);
            spool.hold(COPY_1, PieceSamples.read(piece(80)));

            assertEquals(1, asideFiles().size());
        }
        assertEquals(List.of(), asideFiles());
    }

    @Test
    void gopsReplacedByOnePieceSpanningThemAreFragmentedAsStorageWouldFragmentThatPiece() throws Exception {
        Piece wide = new Piece(1, 2, 200, EncodeMode.COPY, null);
        byte[] fromStorage;
        try (FragmentSpool spool = spool()) {
            NavigableMap<Long, Piece> stored = pieces(COPY_0);
            cache.put(REF.channel(), REF.sessionId(), wide.fileName(), gops(80, 160));
            stored.put(wide.firstSeq(), wide);
            fromStorage = spool.finish(stored).tail();
        }
        try (FragmentSpool spool = spool()) {
            NavigableMap<Long, Piece> live = pieces(COPY_0, COPY_1, COPY_2);
            spool.catchUp(live, 2); // GOPs 0 and 1 spooled, 2 waits for its successor
            spool.replace(wide, PieceSamples.read(gops(80, 160)));
            live.remove(COPY_2.firstSeq());
            live.put(wide.firstSeq(), wide);

            assertEquals(0, spool.throughSeq(), "GOP 1's fragment is cut from the spool");
            assertArrayEquals(fromStorage, spool.finish(live).tail());
        }
    }

    @Test
    void fragmentsAPieceWhoseBytesSetAsideWereCutShortFromItsCopyInstead() throws Exception {
        // review of 4ef47da: a side file that is short (or gone) made the spool fail, abandoning the session
        Piece copy3 = new Piece(3, 3, 100, EncodeMode.COPY, null);
        byte[] uninterrupted = tailFromCopies(COPY_0, COPY_1, COPY_2, copy3);
        try (FragmentSpool spool = spool()) {
            NavigableMap<Long, Piece> pieces = new TreeMap<>();
            for (Piece p : List.of(COPY_0, COPY_1, COPY_2, copy3)) {
                pieces.put(p.firstSeq(), p);
                spool.hold(p, PieceSamples.read(piece(p.firstSeq() * 80)));
                if (p == COPY_2) {
                    // GOP 1 waits aside for GOP 2 to time its last samples: its file loses its last byte
                    Path aside = aside(COPY_1);
                    Files.write(aside, Arrays.copyOf(Files.readAllBytes(aside), (int) Files.size(aside) - 1));
                }
                spool.catchUp(pieces, p.firstSeq());
            }

            assertArrayEquals(uninterrupted, spool.finish(pieces).tail(), "GOP 1 read again from its local copy");
        }
    }

    @Test
    void refusesFurtherUseOnceACallFailedPartWayThroughAPiece() throws Exception {
        // review of 4ef47da: the init segment was counted before the fragment after it failed. A first record whose
        // sequence number makes an mfhd number past 32 bits fails the first fragment once the init segment is written
        Piece pastMfhd = new Piece(0xFFFF_FFFFL, 0xFFFF_FFFFL, 100, EncodeMode.COPY, null);
        Piece next = new Piece(pastMfhd.lastSeq() + 1, pastMfhd.lastSeq() + 1, 100, EncodeMode.COPY, null);
        cache.put(REF.channel(), REF.sessionId(), pastMfhd.fileName(), piece(0));
        cache.put(REF.channel(), REF.sessionId(), next.fileName(), piece(80));
        NavigableMap<Long, Piece> pieces = new TreeMap<>();
        pieces.put(pastMfhd.firstSeq(), pastMfhd);
        pieces.put(next.firstSeq(), next);
        try (FragmentSpool spool = spool()) {
            assertThrows(IllegalArgumentException.class, () -> spool.catchUp(pieces, next.firstSeq()));

            assertThrows(IllegalStateException.class, () -> spool.catchUp(pieces, 1));
            assertThrows(IllegalStateException.class, spool::throughSeq);
            assertThrows(IllegalStateException.class, () -> spool.hold(COPY_2, PieceSamples.read(piece(160))));
            assertThrows(IllegalStateException.class, () -> spool.finish(pieces));
            assertEquals(-1, spool.chainThroughSeq(), "what it stored is still known: no chunk");
        }
    }

    /** The tail of a spool that fragments the pieces from their local copies, every one but the last on the way. */
    private byte[] tailFromCopies(Piece... list) throws Exception {
        try (FragmentSpool spool = spool()) {
            NavigableMap<Long, Piece> all = pieces(list);
            spool.catchUp(all, list[list.length - 1].firstSeq());
            return spool.finish(all).tail();
        }
    }

    /** The file a held piece's bytes are set aside in: beside the spool, named after it and the piece. */
    private Path aside(Piece p) throws Exception {
        try (Stream<Path> files = Files.list(spoolDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + p.firstSeq() + "-" + p.lastSeq()
                    + ".mdat")).findFirst().orElseThrow();
        }
    }

    private List<Path> asideFiles() throws Exception {
        try (Stream<Path> files = Files.list(spoolDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mdat")).toList();
        }
    }

    private Path spoolDir() {
        return cache.root().resolve("spool").resolve(REF.channel());
    }

    /** Zeroes the samples' bytes: a spool that still read them would write zeros. */
    private static void forget(PieceSamples samples) {
        samples.video().forEach(v -> Arrays.fill(v.payload(), (byte) 0));
        samples.audio().forEach(a -> Arrays.fill(a.payload(), (byte) 0));
    }

    private FragmentSpool spool() throws Exception {
        // a store that is never reached: every piece is in the cache
        ArchiveStore store = new ArchiveStore(new S3Settings("http://127.0.0.1:1", "k", "s", "b", "us-east-1"));
        return FragmentSpool.resume(REF, SessionParts.none(), store, new PartReader(store, cache),
                cache.spoolFile(REF.channel(), REF.sessionId()));
    }

    private NavigableMap<Long, Piece> pieces(Piece... list) {
        NavigableMap<Long, Piece> map = new TreeMap<>();
        for (Piece p : list) {
            cache.put(REF.channel(), REF.sessionId(), p.fileName(), piece(p.firstSeq() * 80));
            map.put(p.firstSeq(), p);
        }
        return map;
    }

    private static SessionParts listing(Piece... list) {
        return SessionParts.fromKeys(Arrays.stream(list).map(p -> PartKeys.key(REF.channel(),
                REF.sessionId(), p)).toList());
    }

    /** A GOP as an FLV piece: see {@link FlvGops#of}. */
    private static byte[] piece(long start) {
        return FlvGops.of(start);
    }

    private static byte[] gops(long... starts) {
        return FlvGops.of(starts);
    }
}
