package io.tributary.archive.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.store.PartName.Chunk;
import io.tributary.archive.store.PartName.Piece;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPartsTest {
    private static final String P = "archive-parts/alice/01J0000000000000000000000A/";
    /** Copy mode: the session's first GOP, the one stored as a piece. */
    private static final String FIRST_PIECE = "piece-0000000000-0000000000-700000b-copy.flv";
    private static final Chunk CHUNK_0_7 = new Chunk(0, 7, 5_300_000, 5_200_000, 16_000);
    private static final Chunk CHUNK_8_13 = new Chunk(8, 13, 5_300_000, 5_200_000, 28_000);
    /** Stored by an instance that lost the session while the new owner stored 8..13: its chunks ended elsewhere. */
    private static final Chunk DEPOSED_8_14 = new Chunk(8, 14, 5_400_000, 5_300_000, 30_000);

    @Test
    void rebuildsTheStateFromOneListing() {
        SessionParts parts = SessionParts.fromKeys(List.of(
                P + "piece-0000000000-0000000000-100b-x264-s0.96000.flv",
                P + "piece-0000000001-0000000001-200b-x264.flv",
                P + "piece-0000000001-0000000002-500b-x264.flv", // the GOP was continued; crash before the old one went
                P + "raw-0000000001.flv",
                P + "raw-0000000002.flv",
                P + "raw-0000000003.flv", // stored before a crash that came before its piece: the record is replayed
                P + "something-else.txt"));

        assertEquals(List.of(0L, 1L), List.copyOf(parts.pieces().keySet()));
        assertEquals(new Piece(1, 2, 500, EncodeMode.REENCODE, null), parts.pieces().get(1L));
        assertEquals(3, parts.nextSequence());
        assertEquals(0.96, parts.ssim(), 1e-9);
        assertEquals(EncodeMode.REENCODE, parts.mode());
        assertEquals(0, parts.missingRecords());
    }

    @Test
    void aNewSessionAcceptsAnyFirstRecord() {
        SessionParts none = SessionParts.none();
        assertEquals(-1, none.nextSequence());
        assertNull(none.mode());
        assertNull(none.ssim());
    }

    @Test
    void countsTheRecordsThatNeverCame() {
        SessionParts parts = SessionParts.fromKeys(List.of(
                P + "piece-0000000000-0000000000-1b-copy.flv",
                P + "piece-0000000004-0000000005-1b-copy.flv",
                P + "piece-0000000007-0000000007-1b-copy.flv"));
        assertEquals(4, parts.missingRecords());
        assertEquals(EncodeMode.COPY, parts.mode());
    }

    @Test
    void chainsTheChunksThatFollowEachOtherAndLeavesTheLastPieceToTheTail() {
        SessionParts parts = SessionParts.fromKeys(List.of(
                P + "piece-0000000000-0000000000-1b-copy.flv",
                P + "piece-0000000001-0000000001-1b-copy.flv",
                P + "piece-0000000003-0000000003-1b-copy.flv", // record 2 never came
                P + "piece-0000000004-0000000004-1b-copy.flv",
                P + "piece-0000000005-0000000005-1b-copy.flv",
                P + "chunk-0000000000-0000000001-6000000b.m4s",
                P + "chunk-0000000003-0000000003-5300000b.m4s",  // starts at the piece after record 1
                P + "chunk-0000000004-0000000005-5300000b.m4s")); // holds the last piece: the tail does

        assertEquals(List.of(new Chunk(0, 1, 6_000_000), new Chunk(3, 3, 5_300_000)), parts.chunkChain());
    }

    @Test
    void aChunkThatDoesNotFollowEndsTheChain() {
        SessionParts parts = SessionParts.fromKeys(List.of(
                P + "piece-0000000000-0000000000-1b-copy.flv",
                P + "piece-0000000001-0000000001-1b-copy.flv",
                P + "piece-0000000002-0000000002-1b-copy.flv",
                P + "piece-0000000003-0000000003-1b-copy.flv",
                P + "chunk-0000000001-0000000002-6000000b.m4s")); // not from the first piece: no init segment

        assertEquals(List.of(), parts.chunkChain());
    }

    @Test
    void chainsACopyModeChunkThatHoldsTheLastListedGopAndResumesAfterIt() {
        // copy mode: GOP 0 is a piece, GOPs 1..13 are in chunks only, the GOPs after them are not stored yet
        SessionParts parts = SessionParts.fromKeys(List.of(
                P + "chunk-0000000000-0000000006-5300000b-5200000i-14000ms.m4s",
                P + "chunk-0000000007-0000000013-5300000b-5200000i-28000ms.m4s",
                P + "piece-0000000000-0000000000-700000b-copy.flv"));

        assertEquals(List.of(new Chunk(0, 6, 5_300_000, 5_200_000, 14_000), new Chunk(7, 13, 5_300_000, 5_200_000,
                28_000)), parts.chunkChain());
        assertEquals(14, parts.nextSequence(), "records through 13 are durable: a replay of them is skipped");
        assertEquals(0, parts.missingRecords());
    }

    @Test
    void followsAChunkWithThePieceOfGopsThatWaitedTooLongForOne() {
        SessionParts parts = SessionParts.fromKeys(List.of(
                P + "chunk-0000000000-0000000006-5300000b-5200000i-14000ms.m4s",
                P + "piece-0000000000-0000000000-700000b-copy.flv",
                P + "piece-0000000007-0000000009-2100000b-copy.flv"));

        assertEquals(List.of(new Chunk(0, 6, 5_300_000, 5_200_000, 14_000)), parts.chunkChain());
        assertEquals(10, parts.nextSequence());
        assertEquals(0, parts.missingRecords());
    }

    @Test
    void takesTheChainOfOverlappingChunksThatHoldsTheMostGops() {
        // a deposed instance stored 8..14; the new owner, whose chunk-wait pieces cut the chunks elsewhere, 8..13
        // and 14..20: the widest chunk at 8 would end the chain at 14 and leave GOPs 15..20 out of the archive
        SessionParts parts = SessionParts.fromKeys(List.of(
                P + FIRST_PIECE,
                P + CHUNK_0_7.fileName(),
                P + CHUNK_8_13.fileName(),
                P + DEPOSED_8_14.fileName(),
                P + "chunk-0000000014-0000000020-5300000b-5200000i-42000ms.m4s"));

        assertEquals(List.of(CHUNK_0_7, CHUNK_8_13, new Chunk(14, 20, 5_300_000, 5_200_000, 42_000)),
                parts.chunkChain());
        assertEquals(21, parts.nextSequence());
        assertEquals(0, parts.strandedGops());
    }

    @Test
    void endsTheChainWhereThePiecesAfterItHoldMoreThanAnOverlappingChunk() {
        // GOPs 14..20 waited too long and are one piece; a deposed instance's chunk 8..14 would cut GOP 14 out of it
        SessionParts parts = SessionParts.fromKeys(List.of(
                P + FIRST_PIECE,
                P + "piece-0000000014-0000000020-2100000b-copy.flv",
                P + CHUNK_0_7.fileName(),
                P + CHUNK_8_13.fileName(),
                P + DEPOSED_8_14.fileName()));

        assertEquals(List.of(CHUNK_0_7, CHUNK_8_13), parts.chunkChain());
        assertEquals(0, parts.strandedGops());
        assertEquals(0, parts.missingRecords());
    }

    @Test
    void countsTheGopsThatOnlyChunksOffTheChainHold() {
        // chunk 10..20 starts inside chunk 8..14: no chain takes both, and nothing else holds 15..20
        SessionParts parts = SessionParts.fromKeys(List.of(
                P + FIRST_PIECE,
                P + CHUNK_0_7.fileName(),
                P + DEPOSED_8_14.fileName(),
                P + "chunk-0000000010-0000000020-5300000b-5200000i-42000ms.m4s"));

        assertEquals(List.of(CHUNK_0_7, DEPOSED_8_14), parts.chunkChain());
        assertEquals(6, parts.strandedGops());
    }
}
