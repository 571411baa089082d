package io.tributary.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import io.tributary.media.event.ArchiveReady;
import io.tributary.storage.S3Settings;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.s3.EmbeddedS3;
import io.tributary.testsupport.s3.SharedS3;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy mode, through the handler the loop calls (no Kafka), with the sweeper's visits made by hand on a clock of the
 * test's: a session whose archive cannot be made when its last record comes (GOPs held only by a chunk off the chain)
 * is tried again by the sweeper; its last record's stage neither fails nor escapes the handler, so the partition's
 * other sessions go on. Regression: the finaliser's exception escaped the handler, and the loop handed the same record
 * again and again, holding the partition (and a worker thread) for as long as the archive could not be made.
 */
class UnfinishedEndIT {
    private static final String TOPIC = "stream-gops";
    private static final int RECORD_BYTES = 8 * 1024 * 1024;
    /** The back-off after a first failure: the sweeper does not try again sooner. */
    private static final long FIRST_RETRY_MILLIS = 1_000;

    @TempDir
    Path work;

    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private final List<ArchiveReady> announced = new CopyOnWriteArrayList<>();
    /** Only this test's channels are on the partition: the sweeper adopts no other test's sessions. */
    private final String channelPrefix = "it-unfinished-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private ArchiveStore store;
    private GopArchiver archiver;
    private Path clip;
    private long offset;

    @BeforeEach
    void setUp() {
        EmbeddedS3 s3 = SharedS3.instance();
        store = new ArchiveStore(new S3Settings(s3.endpoint(), s3.accessKey(), s3.secretKey(), SharedS3.BUCKET,
                EmbeddedS3.REGION));
        store.ensureBucket();
        PieceCache cache = new PieceCache(work.resolve("instance"));
        SessionArchive.Tools tools = new SessionArchive.Tools(store, cache, gop -> {
            throw new AssertionError("copy mode encodes nothing");
        }, null, 0, EncodeMode.COPY, Duration.ofMinutes(1));
        archiver = new GopArchiver(store, tools, new SessionFinalizer(store, cache, announced::add,
                Clock.systemUTC()), new IdleRule(Duration.ofMinutes(1)),
                channel -> channel.startsWith(channelPrefix) ? 0 : 1, now::get);
        archiver.onAssigned(new TopicPartition(TOPIC, 0));
        clip = TestMedia.h264Aac(Duration.ofSeconds(3), 320, 180, 30, 30);
    }

    @Test
    void aLastRecordWhoseArchiveCannotBeMadeWaitsForTheSweeperWhileTheOtherSessionsGoOn() throws Exception {
        SessionRef failing = newSession();
        List<GopRecord> records = GopFeed.records(clip, failing.sessionId(), RECORD_BYTES, true);
        String stranded = strandGops(failing);
        List<CompletableFuture<?>> stages = handleAll(failing, records);
        CompletableFuture<?> last = stages.get(stages.size() - 1);

        assertFalse(last.isDone(), "neither done nor failed: a failed stage has the loop fetch it again at once");
        assertFalse(store.exists(failing.archiveKey()), "no archive without the chunk's GOPs");

        SessionRef other = newSession();
        List<CompletableFuture<?>> otherStages = handleAll(other, GopFeed.records(clip, other.sessionId(),
                RECORD_BYTES, true));
        assertTrue(otherStages.stream().allMatch(UnfinishedEndIT::doneNormally), "the partition goes on");
        assertTrue(store.exists(other.archiveKey()));

        // handed again (a rewind of the partition) before the back-off passed: the same stage, not tried now
        GopRecord lastRecord = records.get(records.size() - 1);
        assertSame(last, archiver.handle(GopFeed.consumerRecord(TOPIC, records.size() - 1, failing.channel(),
                lastRecord)));
        now.addAndGet(FIRST_RETRY_MILLIS - 1);
        archiver.sweep();
        assertFalse(last.isDone(), "not tried again before its back-off");

        store.delete(stranded); // someone looked at the parts
        now.addAndGet(1);
        archiver.sweep();

        assertTrue(stages.stream().allMatch(UnfinishedEndIT::doneNormally), "every record done with the archive");
        assertTrue(store.exists(failing.archiveKey()));
        assertEquals(List.of(other.sessionId(), failing.sessionId()),
                announced.stream().map(ArchiveReady::sessionId).toList(), "each announced once");
        assertEquals(0, archiver.openSessions());
    }

    @Test
    void aLastRecordWaitingForItsArchiveIsLeftToTheNextOwnerWhenTheLoopCloses() throws Exception {
        SessionRef failing = newSession();
        String stranded = strandGops(failing);
        List<CompletableFuture<?>> stages = handleAll(failing, GopFeed.records(clip, failing.sessionId(),
                RECORD_BYTES, true));

        archiver.onClosing();

        // failed, so that the loop does not wait its grace for it; not committed, the next owner gets it again
        assertTrue(stages.get(stages.size() - 1).isCompletedExceptionally());
        store.delete(stranded);
        store.list(failing.partsPrefix()).forEach(store::delete);
    }

    /**
     * Stores a chunk that no chain from the session's first piece reaches (records 50..60, which never come): the
     * finaliser refuses to make an archive that would leave its GOPs out.
     */
    private String strandGops(SessionRef ref) {
        String key = PartKeys.key(ref.channel(), ref.sessionId(), new Chunk(50, 60, 1, 1, 1));
        store.put(key, new byte[1], ArchiveStore.MP4);
        return key;
    }

    private List<CompletableFuture<?>> handleAll(SessionRef ref, List<GopRecord> records) throws Exception {
        List<CompletableFuture<?>> stages = new ArrayList<>();
        for (GopRecord r : records) {
            stages.add(archiver.handle(GopFeed.consumerRecord(TOPIC, offset++, ref.channel(), r))
                    .toCompletableFuture());
        }
        return stages;
    }

    private static boolean doneNormally(CompletableFuture<?> stage) {
        return stage.isDone() && !stage.isCompletedExceptionally();
    }

    private SessionRef newSession() {
        return new SessionRef(channelPrefix + UUID.randomUUID().toString().substring(0, 4),
                UUID.randomUUID().toString());
    }
}
