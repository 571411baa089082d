package io.tributary.archive.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.SharedArchiveStore;
import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PieceCache;
import io.tributary.media.event.ArchiveReady;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvHeader;
import io.tributary.media.flv.FlvWriter;
import io.tributary.media.flv.LegacyAudioTagHeader;
import io.tributary.media.gop.GopMetadata;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finaliser gives a session's archive up only when no archive can ever be made of it (no track an MP4 carries);
 * any other failure while fragmenting is thrown, its parts kept for the end to be tried again. Regression (review of
 * 6bf727e): any IllegalArgumentException was taken for "no track", so a timestamp jump deleted the session's parts;
 * a jump is archived now, the sample before it lasting what a trun holds.
 */
class SessionFinalizerIT {
    /** SoundFormat 2 (MP3), 44 kHz, 16-bit, stereo (FLV 10.1 §E.4.2.1): a track an MP4 archive does not carry. */
    private static final LegacyAudioTagHeader MP3 = new LegacyAudioTagHeader(2, 3, 1, 1, null);

    @TempDir
    Path work;

    private final List<ArchiveReady> announced = new CopyOnWriteArrayList<>();
    private ArchiveStore store;
    private SessionFinalizer finalizer;
    private SessionRef session;

    @BeforeEach
    void setUp() {
        store = SharedArchiveStore.open();
        finalizer = new SessionFinalizer(store, new PieceCache(work.resolve("cache")), announced::add,
                Clock.systemUTC());
        session = new SessionRef("it-finalizer-" + UUID.randomUUID().toString().substring(0, 8),
                UUID.randomUUID().toString());
    }

    @Test
    void anMp3OnlySessionEndsWithoutAnArchiveAndItsPartsAreRemoved() throws Exception {
        storePiece(0, mp3Gop(0));
        storePiece(1, mp3Gop(1_000));

        Optional<ArchiveReady> ready = finalizer.finalizeSession(session, SessionFinalizer.LAST_RECORD, null);

        assertEquals(Optional.empty(), ready);
        assertEquals(List.of(), store.list(session.partsPrefix()), "nothing will ever make an archive of them");
        assertEquals(List.of(), announced);
    }

    @Test
    void aLiveMp3OnlyCopyModeSessionIsNeitherAbandonedNorArchived() throws Exception {
        // the live spool cannot take a stream without an MP4 track: it used to abandon the session at its second GOP
        // (its kept records failed and were handed again, failing the same way: the partition rewound for good)
        PieceCache cache = new PieceCache(work.resolve("cache"));
        SessionArchive live = new SessionArchive(session, SessionParts.fromKeys(List.of()),
                new SessionArchive.Tools(store, cache, null, null, 0, EncodeMode.COPY, Duration.ofMinutes(1)), 0, 0);
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (long seq = 0; seq < 4; seq++) {
            GopMetadata meta = GopMetadata.of(session.sessionId(), seq, seq * 1_000, 1_000, 1_000 + seq, Set.of());
            stages.add(live.accept(meta, mp3Gop(seq * 1_000), 1_000));
        }

        for (CompletableFuture<Void> stage : stages) {
            assertTrue(stage.isDone() && !stage.isCompletedExceptionally(), "stored as a piece: may be committed");
        }
        assertEquals(0, live.waitingRecords());
        assertEquals(4, store.list(session.partsPrefix()).size(), "one piece per GOP");
        assertEquals(Optional.empty(), finalizer.finalizeSession(session, SessionFinalizer.LAST_RECORD, live));
        assertEquals(List.of(), store.list(session.partsPrefix()));
        assertEquals(List.of(), announced);
    }

    @Test
    void aTimestampJumpNoSampleDurationHoldsIsArchivedItsGapShortened() throws Exception {
        // 13.9 h between two GOPs: GOP 0's last frame would last more than 2^32 ticks of 90 kHz, which failed the
        // end on every attempt; it lasts 2^32 - 1 ticks, and GOP 1's tfdt still places it where its timestamps say
        storePiece(0, FlvGops.of(0));
        storePiece(1, FlvGops.of(50_000_000));

        Optional<ArchiveReady> ready = finalizer.finalizeSession(session, SessionFinalizer.LAST_RECORD, null);

        assertTrue(ready.isPresent());
        assertTrue(store.exists(session.archiveKey()));
        assertEquals(List.of(ready.get()), announced);
        assertEquals(List.of(), store.list(session.partsPrefix()), "its parts are removed once it is announced");
    }

    private void storePiece(long seq, byte[] flv) {
        Piece piece = new Piece(seq, seq, flv.length, EncodeMode.COPY, null);
        store.put(PartKeys.key(session.channel(), session.sessionId(), piece), flv, ArchiveStore.FLV);
    }

    /** A GOP of an audio-only MP3 stream: two frames 26 ms apart. */
    private static byte[] mp3Gop(long start) {
        FlvWriter w = new FlvWriter(new FlvHeader(true, false));
        byte[] frame = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x00};
        w.write(AudioTag.of(start, MP3, frame));
        w.write(AudioTag.of(start + 26, MP3, frame));
        return w.toByteArray();
    }
}
