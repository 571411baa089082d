package io.tributary.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.GopFeed.GopRecord;
import io.tributary.archive.consume.GopArchiver;
import io.tributary.archive.consume.IdleRule;
import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.session.SessionArchive;
import io.tributary.archive.session.SessionFinalizer;
import io.tributary.archive.session.SessionRef;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName.Chunk;
import io.tributary.archive.store.PieceCache;
import io.tributary.testsupport.media.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy mode, through the handler the loop calls (no Kafka): when GOPs only this instance held are lost at the end,
 * the session is neither archived nor remembered as closed; its records are handed again and rebuild it.
 */
class AbandonedSessionIT {
    private static final String TOPIC = "stream-gops";

    @TempDir
    Path work;

    @Test
    void aSessionThatLostItsWaitingGopsAtTheEndIsNotClosedAndItsRecordsComeAgain() throws Exception {
        ArchiveStore store = SharedArchiveStore.open();
        PieceCache cache = new PieceCache(work.resolve("instance"));
        SessionArchive.Tools tools = new SessionArchive.Tools(store, cache, gop -> {
            throw new AssertionError("copy mode encodes nothing");
        }, null, 0, EncodeMode.COPY, Duration.ofMinutes(1));
        GopArchiver archiver = new GopArchiver(store, tools, new SessionFinalizer(store, cache, e -> {
            throw new AssertionError("announced without the GOPs that were lost");
        }, Clock.systemUTC()), new IdleRule(Duration.ofMinutes(1)), channel -> 0, System::currentTimeMillis);
        SessionRef ref = new SessionRef("it-abandoned-" + UUID.randomUUID().toString().substring(0, 8),
                UUID.randomUUID().toString());
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(4), 320, 180, 30, 30);
        List<GopRecord> records = GopFeed.records(clip, ref.sessionId(), 8 * 1024 * 1024, true);
        List<CompletionStage<?>> stages = new ArrayList<>();
        for (int i = 0; i < records.size() - 1; i++) {
            stages.add(archiver.handle(GopFeed.consumerRecord(TOPIC, i, ref.channel(), records.get(i))));
        }
        assertTrue(archiver.waitingRecords() > 1, "GOPs waiting for a chunk");
        // storage lists a chunk the live spool did not write (a deposed instance's): the end stores the GOPs
        // waiting first, and their local copies are gone
        store.put(PartKeys.key(ref.channel(), ref.sessionId(), new Chunk(0, 2, 1, 1, 1)), new byte[1],
                ArchiveStore.MP4);
        deleteTree(cache.root().resolve("pieces").resolve(ref.channel()));

        int last = records.size() - 1;
        CompletionStage<?> end = archiver.handle(GopFeed.consumerRecord(TOPIC, last, ref.channel(), records.get(last)));

        assertTrue(end.toCompletableFuture().isCompletedExceptionally(), "the last record is handed again");
        assertTrue(stages.get(1).toCompletableFuture().isCompletedExceptionally(), "so are the records waiting");
        assertFalse(store.exists(ref.archiveKey()), "no archive with a hole");
        assertEquals(0, archiver.openSessions(), "dropped, to be rebuilt");
        archiver.handle(GopFeed.consumerRecord(TOPIC, 1, ref.channel(), records.get(1))); // the rewind hands it again
        assertEquals(1, archiver.openSessions(), "rebuilt from storage, not ignored as archived");
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
