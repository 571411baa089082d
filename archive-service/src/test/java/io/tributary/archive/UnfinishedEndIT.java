package io.tributary.archive;

import static io.tributary.archive.consume.UnfinishedEnd.FIRST_RETRY_MILLIS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.tributary.media.event.ArchiveReady;
import io.tributary.testsupport.media.TestMedia;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy mode, through the handler the loop calls (no Kafka), with the sweeper's visits made by hand on a clock of the
 * test's: a session whose archive cannot be made when its last record comes is tried again by the sweeper, after a
 * back-off counted from the failure; the failure never escapes the handler, so the partition's other sessions go on,
 * and the last record's stage is its GOP's, so an end that cannot succeed holds back no commit once its GOPs are
 * stored. Regressions: the finaliser's exception escaped the handler, and the loop handed the same record again and
 * again, holding the partition (and a worker thread); then the last record's stage waited for the archive, and an end
 * that needs a person held the partition's commits back until the loop paused it; then an end that failed after the
 * tail was taken from the live spool kept the spool finishing, and the GOPs only it held could not be stored as pieces
 * when the partition filled. What a full partition stores, and the gauges, are pinned on the same handler here.
 */
class UnfinishedEndIT {
    private static final String TOPIC = "stream-gops";
    private static final int RECORD_BYTES = 8 * 1024 * 1024;
    private static final Duration CHUNK_WAIT = Duration.ofMinutes(1);
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(1);
    /** How long a failing announcement takes on the test's clock: longer than the first back-off. */
    private static final long SLOW_FAILURE_MILLIS = 5_000;

    @TempDir
    Path work;

    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private final List<ArchiveReady> announced = new CopyOnWriteArrayList<>();
    /** Only this test's channels are on the partition: the sweeper adopts no other test's sessions. */
    private final String channelPrefix = "it-unfinished-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    /** While set, an announcement takes {@link #SLOW_FAILURE_MILLIS} and is interrupted (the service stopping). */
    private volatile boolean announcementFails;
    /** While set, an announcement fails at once (the broker away). */
    private volatile boolean brokerAway;
    /** While set, an announcement reads the gauges from another thread, as a scrape would, and keeps what it read. */
    private volatile boolean scrapeDuringAnnouncement;
    private final List<List<Integer>> scraped = new CopyOnWriteArrayList<>();
    private ArchiveStore store;
    private GopArchiver archiver;
    private Path clip;
    private long offset;

    @BeforeEach
    void setUp() {
        store = SharedArchiveStore.open();
        PieceCache cache = new PieceCache(work.resolve("instance"));
        SessionArchive.Tools tools = new SessionArchive.Tools(store, cache, gop -> {
            throw new AssertionError("copy mode encodes nothing");
        }, null, 0, EncodeMode.COPY, CHUNK_WAIT);
        archiver = new GopArchiver(store, tools, new SessionFinalizer(store, cache, this::announce,
                Clock.systemUTC()), new IdleRule(IDLE_TIMEOUT),
                channel -> channel.startsWith(channelPrefix) ? 0 : 1, now::get);
        archiver.onAssigned(new TopicPartition(TOPIC, 0));
        clip = TestMedia.h264Aac(Duration.ofSeconds(3), 320, 180, 30, 30);
    }

    @Test
    void aLastRecordWhoseArchiveCannotBeMadeIsDoneWithItsGopsWhileTheSweeperTriesAgain() throws Exception {
        SessionRef failing = newSession();
        List<GopRecord> records = GopFeed.records(clip, failing.sessionId(), RECORD_BYTES, true);
        String stranded = strandGops(failing);
        List<CompletableFuture<?>> stages = handleAll(failing, records);

        assertTrue(doneNormally(stages.get(stages.size() - 1)), "the last record carries no GOP: done, archive or not");
        assertFalse(stages.get(stages.size() - 2).isDone(), "the GOPs kept for their chunk still wait for it");
        assertFalse(store.exists(failing.archiveKey()), "no archive without the chunk's GOPs");
        assertEquals(1, archiver.unfinishedSessions());

        SessionRef other = newSession();
        List<CompletableFuture<?>> otherStages = handleAll(other, GopFeed.records(clip, other.sessionId(),
                RECORD_BYTES, true));
        assertTrue(otherStages.stream().allMatch(UnfinishedEndIT::doneNormally), "the partition goes on");
        assertTrue(store.exists(other.archiveKey()));

        // chunk-wait: the GOPs kept are stored as a piece, so every record may be committed; the end fails again
        now.addAndGet(CHUNK_WAIT.toMillis());
        archiver.sweep();
        assertTrue(stages.stream().allMatch(UnfinishedEndIT::doneNormally), "every GOP of the session is stored");
        assertFalse(store.exists(failing.archiveKey()));

        store.delete(stranded); // someone looked at the parts
        // handed again (a rewind of the partition) before the back-off (2 s now) passed: not tried now
        GopRecord lastRecord = records.get(records.size() - 1);
        assertTrue(doneNormally(archiver.handle(GopFeed.consumerRecord(TOPIC, records.size() - 1, failing.channel(),
                lastRecord)).toCompletableFuture()));
        now.addAndGet(2 * FIRST_RETRY_MILLIS - 1);
        archiver.sweep();
        assertFalse(store.exists(failing.archiveKey()), "not tried again before its back-off");

        now.addAndGet(1);
        archiver.sweep();

        assertTrue(store.exists(failing.archiveKey()));
        assertEquals(List.of(other.sessionId(), failing.sessionId()),
                announced.stream().map(ArchiveReady::sessionId).toList(), "each announced once");
        assertEquals(0, archiver.openSessions());
        assertEquals(0, archiver.unfinishedSessions());
    }

    /**
     * A failure after the tail was taken from the live spool: the GOPs only the spool held wait for the next attempt
     * (the partition is not full), which stores them as pieces and works from storage. The back-off counts from the
     * failure, so a slow attempt is not due again at once, and an interrupt is kept.
     */
    @Test
    void anEndThatFailsSlowlyIsTriedAgainABackOffAfterItFailed() throws Exception {
        SessionRef ref = newSession();
        announcementFails = true;
        List<CompletableFuture<?>> stages = handleAll(ref, GopFeed.records(clip, ref.sessionId(), RECORD_BYTES,
                true));
        long failedAt = now.get();
        announcementFails = false;

        assertTrue(Thread.interrupted(), "the interrupt is kept for the loop to see");
        assertTrue(doneNormally(stages.get(stages.size() - 1)));
        assertFalse(stages.get(stages.size() - 2).isDone(), "in the tail only: it waits for the next attempt");
        now.set(failedAt + FIRST_RETRY_MILLIS - 1);
        archiver.sweep();
        assertEquals(List.of(), announced, "not tried again before the back-off after the failure");

        now.set(failedAt + FIRST_RETRY_MILLIS);
        archiver.sweep();

        assertEquals(List.of(ref.sessionId()), announced.stream().map(ArchiveReady::sessionId).toList());
        assertTrue(stages.stream().allMatch(UnfinishedEndIT::doneNormally), "every record done with the archive");
        assertEquals(0, archiver.unfinishedSessions());
    }

    /**
     * Regression: once the live spool had given the tail, a failed end left it finishing, so the GOPs only it held
     * were not stored when the partition reached its max-in-flight bound, and their records (uncommitted) stalled the
     * partition until an attempt succeeded. The spool is given up instead: the GOPs are stored as pieces, one each as
     * the spool fragmented them, and the attempt made from storage writes the bytes the failed one uploaded.
     */
    @Test
    void anEndThatFailsAfterTheTailLetsAFullPartitionStoreItsGopsAndIsRetriedWithTheSameBytes() throws Exception {
        SessionRef uninterrupted = newSession();
        handleAll(uninterrupted, GopFeed.records(clip, uninterrupted.sessionId(), RECORD_BYTES, true));
        byte[] expected = store.get(uninterrupted.archiveKey()).orElseThrow();
        SessionRef ref = newSession();
        brokerAway = true;
        List<CompletableFuture<?>> stages = handleAll(ref, GopFeed.records(clip, ref.sessionId(), RECORD_BYTES,
                true));
        brokerAway = false;
        byte[] uploaded = store.get(ref.archiveKey()).orElseThrow(() -> new AssertionError("uploaded, not announced"));
        assertFalse(stages.get(stages.size() - 2).isDone(), "in the tail only");
        assertEquals(1, archiver.unfinishedSessions());

        archiver.onPartitionFull(new TopicPartition(TOPIC, 0));

        assertTrue(stages.stream().allMatch(UnfinishedEndIT::doneNormally), "every GOP stored: all may be committed");
        assertEquals(1, archiver.unfinishedSessions(), "the end is still to be tried again");
        now.addAndGet(FIRST_RETRY_MILLIS);
        archiver.sweep();
        assertEquals(List.of(uninterrupted.sessionId(), ref.sessionId()),
                announced.stream().map(ArchiveReady::sessionId).toList());
        byte[] retried = store.get(ref.archiveKey()).orElseThrow();
        assertArrayEquals(uploaded, retried, "the archive the failed attempt uploaded, byte for byte");
        assertArrayEquals(expected, retried, "the archive of the same media ended without a failure");
        assertEquals(List.of(), store.list(ref.partsPrefix()), "parts removed");
        assertEquals(0, archiver.unfinishedSessions());
    }

    /**
     * Regression: a session whose timeout end failed and whose records then came again (an ingest that stalled and
     * went on) kept its unfinished entry, so the gauge counted a live session as one whose archive cannot be made.
     */
    @Test
    void aSessionWhoseTimeoutEndFailedIsNotUnfinishedOnceItsRecordsComeAgain() throws Exception {
        SessionRef ref = newSession();
        List<GopRecord> records = GopFeed.records(clip, ref.sessionId(), RECORD_BYTES, true);
        String stranded = strandGops(ref);
        handleAll(ref, records.subList(0, 2));
        now.addAndGet(IDLE_TIMEOUT.toMillis() + 1);
        archiver.sweep();
        assertEquals(1, archiver.unfinishedSessions(), "its timeout end failed: stranded GOPs");

        handleAll(ref, records.subList(2, 3));

        assertEquals(0, archiver.unfinishedSessions(), "records again: not over after all");
        assertEquals(1, archiver.openSessions());
        store.delete(stranded);
        handleAll(ref, records.subList(3, records.size()));
        assertTrue(store.exists(ref.archiveKey()), "archived at its last record");
        assertEquals(0, archiver.openSessions());
    }

    /**
     * Review of session 8: a record handed again by a rewind counted as the session going on, so its unfinished end
     * was dropped (the back-off and failure count with it) although the replay does not move the session's clock:
     * the sweeper retried at once. Only a new record does that.
     */
    @Test
    void aRecordHandedAgainLeavesASessionWhoseTimeoutEndFailedUnfinished() throws Exception {
        SessionRef ref = newSession();
        List<GopRecord> records = GopFeed.records(clip, ref.sessionId(), RECORD_BYTES, true);
        strandGops(ref);
        handleAll(ref, records.subList(0, 2));
        now.addAndGet(IDLE_TIMEOUT.toMillis() + 1);
        archiver.sweep();
        assertEquals(1, archiver.unfinishedSessions(), "its timeout end failed: stranded GOPs");

        handleAll(ref, records.subList(1, 2)); // the partition rewound: the same record again

        assertEquals(1, archiver.unfinishedSessions(), "a replay: the session did not go on");
    }

    /**
     * Regression: the gauges took the partition's lock, which a record holds while it is stored (storage, ffmpeg,
     * Kafka), so a scrape waited for the slowest request, just when storage is slow. They read counts taken after each
     * step instead; here the session is open while its archive is announced, under the lock.
     */
    @Test
    void theGaugesAreReadWhileARecordHoldsThePartition() throws Exception {
        SessionRef ref = newSession();
        List<GopRecord> records = GopFeed.records(clip, ref.sessionId(), RECORD_BYTES, true);
        scrapeDuringAnnouncement = true;
        handleAll(ref, records);
        scrapeDuringAnnouncement = false;

        // as of the step before the last record: the session open, the GOPs after its first piece kept for a chunk
        assertEquals(List.of(List.of(1, records.size() - 2, 0)), scraped);
        assertEquals(0, archiver.openSessions());
    }

    /**
     * The same handler at its max-in-flight bound: only the session with the most records waiting stores its GOPs as
     * a piece, one request per fill; the next fill takes the next fullest. Every session storing at each fill cost a
     * request per session, most of them for a GOP or two.
     */
    @Test
    void aFullPartitionStoresTheGopsOfItsFullestSessionOnly() throws Exception {
        SessionRef fewer = newSession();
        SessionRef more = newSession();
        List<GopRecord> fewerRecords = GopFeed.records(clip, fewer.sessionId(), RECORD_BYTES, true);
        List<GopRecord> moreRecords = GopFeed.records(clip, more.sessionId(), RECORD_BYTES, true);
        // the first GOP of a session is stored as a piece; the ones after it wait for a chunk
        List<CompletableFuture<?>> fewerStages = handleAll(fewer, fewerRecords.subList(0, 2));
        List<CompletableFuture<?>> moreStages = handleAll(more, moreRecords.subList(0, 3));
        assertEquals(3, archiver.waitingRecords());

        archiver.onPartitionFull(new TopicPartition(TOPIC, 0));

        assertTrue(moreStages.stream().allMatch(UnfinishedEndIT::doneNormally), "the fullest session stored");
        assertFalse(fewerStages.get(1).isDone(), "the other still waits for its chunk");
        assertEquals(1, archiver.waitingRecords());
        archiver.onPartitionFull(new TopicPartition(TOPIC, 0));
        assertTrue(fewerStages.stream().allMatch(UnfinishedEndIT::doneNormally), "the next fill: the next fullest");
        assertEquals(0, archiver.waitingRecords());

        handleAll(fewer, fewerRecords.subList(2, fewerRecords.size()));
        handleAll(more, moreRecords.subList(3, moreRecords.size()));
        assertTrue(store.exists(fewer.archiveKey()) && store.exists(more.archiveKey()));
    }

    @Test
    void theGopsKeptBySessionWhoseEndFailedAreLeftToTheNextOwnerWhenTheLoopCloses() throws Exception {
        SessionRef failing = newSession();
        String stranded = strandGops(failing);
        List<CompletableFuture<?>> stages = handleAll(failing, GopFeed.records(clip, failing.sessionId(),
                RECORD_BYTES, true));

        archiver.onClosing();

        // failed, so that the loop does not wait its grace for them; not committed, the next owner gets them again
        assertTrue(stages.get(stages.size() - 2).isCompletedExceptionally());
        assertEquals(0, archiver.unfinishedSessions());
        store.delete(stranded);
        store.list(failing.partsPrefix()).forEach(store::delete);
    }

    private void announce(ArchiveReady event) throws Exception {
        if (scrapeDuringAnnouncement) {
            scraped.add(CompletableFuture.supplyAsync(() -> List.of(archiver.openSessions(),
                    archiver.waitingRecords(), archiver.unfinishedSessions())).get(10, TimeUnit.SECONDS));
        }
        if (brokerAway) {
            throw new IllegalStateException("the broker is away");
        }
        if (announcementFails) {
            now.addAndGet(SLOW_FAILURE_MILLIS);
            throw new InterruptedException("stopping");
        }
        announced.add(event);
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
