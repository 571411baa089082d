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
        assertEquals(600, parts.ingestedBytes());
        assertEquals(0.96, parts.ssim(), 1e-9);
        assertEquals(EncodeMode.REENCODE, parts.mode());
        assertEquals(0, parts.missingRecords());
        assertEquals(7, parts.keys().size());
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
}
