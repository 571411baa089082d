package io.tributary.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.session.ArchiveAnnouncer;
import io.tributary.archive.session.SessionAbandonedException;
import io.tributary.archive.session.SessionArchive;
import io.tributary.archive.session.SessionFinalizer;
import io.tributary.archive.session.SessionParts;
import io.tributary.archive.session.SessionRef;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName.Chunk;
import io.tributary.archive.store.PieceCache;
import io.tributary.media.event.ArchiveReady;
import io.tributary.testsupport.media.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions long enough for the archive to be assembled from several stored chunks (each at least the 5 MiB that S3
 * and S3Proxy require of every multipart part but the last) and a tail: driven without Kafka, in copy mode (so a
 * 32-second 720p stream is enough), through the session and the finaliser the service uses.
 */
class ChunkedArchiveIT {
    /** One frame at 30 fps, rounded up: the tolerance on durations. */
    private static final double FRAME = 0.034;
    /** Eight copies of a 4 s 720p clip: about 12 MB, two chunks and a tail. */
    private static final int COPIES = 8;

    @TempDir
    static Path work;

    private static final Map<String, PieceCache> CACHES = new HashMap<>();

    private static ArchiveStore store;
    private static Path clip;
    private static ArchiveProbe pushed;

    @BeforeAll
    static void setUp() {
        store = SharedArchiveStore.open();
        clip = TestMedia.h264Aac(Duration.ofSeconds(4), 1280, 720, 30, 30);
        pushed = ArchiveProbe.ofSourceRemuxed(LongSession.asFlv(clip, COPIES, work), work);
    }

    @Test
    void anArchiveOfSeveralChunksAndATailIsOneMp4AsLongAsThePushedStream() throws Exception {
        Recorded recorded = recordWhole("live");
        SessionRef ref = recorded.ref();
        List<GopFeed.GopRecord> records = recorded.records();
        SessionArchive session = recorded.session();

        SessionParts parts = listParts(ref);
        assertTrue(parts.chunkChain().size() >= 2, "chunks: " + parts.chunks());
        List<ArchiveReady> events = new ArrayList<>();
        ArchiveReady event = finalizer("live", events::add)
                .finalizeSession(ref, SessionFinalizer.LAST_RECORD, session).orElseThrow();

        Path mp4 = download(ref);
        assertMatchesPushed(ArchiveProbe.of(mp4));
        assertEquals(Files.size(mp4), event.bytes());
        assertEquals(GopFeed.ingestedBytes(records), event.ingestedBytes());
        assertEquals(ArchiveProbe.of(mp4).durationSeconds() * 1000, event.durationMillis(), FRAME * 1000);
        assertEquals(List.of(event), events);
        assertEquals(List.of(), store.list(ref.partsPrefix()), "parts are removed");
    }

    @Test
    void aRestartMidStreamPicksUpAfterTheLastChunkAndWritesTheSameBytes() throws Exception {
        Recorded one = recordWhole("one");
        SessionRef uninterrupted = one.ref();
        finalizer("one", e -> { }).finalizeSession(uninterrupted, SessionFinalizer.LAST_RECORD, one.session());

        SessionRef ref = newSession();
        List<GopFeed.GopRecord> records = LongSession.records(clip, ref.sessionId(), COPIES);
        int cut = records.size() * 5 / 8;
        SessionArchive before = open(ref, SessionParts.none(), "before");
        int replayFrom = firstNotDurable(feed(before, records.subList(0, cut)));
        before.discard(); // the instance is gone; another one finds the session in storage
        assertTrue(listParts(ref).chunkChain().size() >= 1, "a chunk was stored before the restart");
        assertTrue(replayFrom > 0 && replayFrom < cut, "the GOPs after the last chunk were not durable: " + replayFrom);

        // Kafka hands the next owner every record from the first one not committed
        SessionArchive after = open(ref, listParts(ref), "after");
        feed(after, records.subList(replayFrom, records.size()));
        ArchiveReady event = finalizer("after", e -> { })
                .finalizeSession(ref, SessionFinalizer.LAST_RECORD, after).orElseThrow();

        assertArrayEquals(Files.readAllBytes(download(uninterrupted)), Files.readAllBytes(download(ref)),
                "the same media gives the same archive, however often the session moved");
        assertEquals(GopFeed.ingestedBytes(records), event.ingestedBytes(), "every GOP counted once");
    }

    @Test
    void aCrashDuringTheFinalStepLeavesOneArchiveWhenItIsRunAgain() throws Exception {
        Recorded recorded = recordWhole("crashing");
        SessionRef ref = recorded.ref();
        SessionArchive session = recorded.session();
        ArchiveAnnouncer dies = e -> {
            throw new IllegalStateException("killed after the upload, before the announcement");
        };
        assertThrows(IllegalStateException.class, () -> finalizer("crashing", dies)
                .finalizeSession(ref, SessionFinalizer.LAST_RECORD, session));
        byte[] firstAttempt = Files.readAllBytes(download(ref));
        assertTrue(listParts(ref).chunkChain().size() >= 2, "the parts are still there");

        // another instance, with nothing local, gets the records not committed again and finalises the session
        SessionArchive replayed = open(ref, listParts(ref), "rerun");
        feed(replayed, recorded.records());
        List<ArchiveReady> events = new ArrayList<>();
        ArchiveReady event = finalizer("rerun", events::add)
                .finalizeSession(ref, SessionFinalizer.LAST_RECORD, replayed).orElseThrow();

        assertEquals(List.of(event), events, "announced once");
        assertEquals(List.of(ref.archiveKey()), store.list(ref.archiveKey()), "one archive");
        Path mp4 = work.resolve("rerun-" + ref.sessionId() + ".mp4");
        Files.write(mp4, store.get(ref.archiveKey()).orElseThrow());
        assertArrayEquals(firstAttempt, Files.readAllBytes(mp4), "the same bytes at the same key");
        assertMatchesPushed(ArchiveProbe.of(mp4));
        assertEquals(List.of(), store.list(ref.partsPrefix()));
    }

    @Test
    void aCrashWhileThePartsAreDeletedLeavesTheArchiveAsItWas() throws Exception {
        Recorded recorded = recordWhole("deleting");
        SessionRef ref = recorded.ref();
        SessionParts parts = listParts(ref);
        // what a run stopped half-way through the deletion leaves: the marker and the last pieces (chunks are gone)
        Map<String, byte[]> leftOver = new HashMap<>();
        parts.pieces().tailMap(parts.pieces().lastKey(), true).values().forEach(piece -> {
            String key = PartKeys.key(ref.channel(), ref.sessionId(), piece);
            leftOver.put(key, store.get(key).orElseThrow());
        });
        List<ArchiveReady> events = new ArrayList<>();
        finalizer("deleting", events::add).finalizeSession(ref, SessionFinalizer.LAST_RECORD,
                recorded.session()).orElseThrow();
        byte[] archived = store.get(ref.archiveKey()).orElseThrow();
        leftOver.forEach((key, bytes) -> store.put(key, bytes, ArchiveStore.MP4));
        store.put(SessionFinalizer.finishedMarker(ref), new byte[0], ArchiveStore.MP4);

        // the replayed last record (or the timeout) on another instance
        assertTrue(finalizer("after-crash", events::add)
                .finalizeSession(ref, SessionFinalizer.LAST_RECORD, null).isEmpty(), "nothing new to announce");

        assertEquals(1, events.size(), "announced once");
        assertArrayEquals(archived, store.get(ref.archiveKey()).orElseThrow(), "the complete archive, untouched");
        assertEquals(List.of(), store.list(ref.partsPrefix()), "the rest of the parts and the marker are removed");
    }

    @Test
    void aSessionWhoseChunksAreLostIsFinishedFromItsPiecesInChunks() throws Exception {
        // an instance that cannot spool (its work directory is unusable) stores every GOP as a piece
        PieceCache noSpool = cache("no-chunks");
        Files.writeString(noSpool.root().resolve("spool"), "not a directory");
        Recorded recorded = recordWhole("no-chunks");
        SessionRef ref = recorded.ref();
        assertEquals(recorded.records().size(), listParts(ref).pieces().size(), "a piece per GOP");
        for (String key : store.list(ref.partsPrefix())) {
            if (key.contains("/chunk-")) {
                store.delete(key); // as if no chunk had been stored while live (the spool failed)
            }
        }
        assertEquals(List.of(), listParts(ref).chunkChain());

        ArchiveReady event = finalizer("no-chunks-end", e -> { })
                .finalizeSession(ref, SessionFinalizer.LAST_RECORD, null).orElseThrow();

        Path mp4 = download(ref);
        assertMatchesPushed(ArchiveProbe.of(mp4));
        assertEquals(Files.size(mp4), event.bytes());
        assertEquals(List.of(), store.list(ref.partsPrefix()));
    }

    @Test
    void gopsThatWaitTooLongForAChunkAreStoredAsOnePieceAndAnyInstanceFinishesTheSameArchive() throws Exception {
        SessionRef ref = newSession();
        List<GopFeed.GopRecord> records = LongSession.records(clip, ref.sessionId(), COPIES);
        SessionArchive slow = open(ref, SessionParts.none(), "slow");
        // a wall clock moving 10 s per record: the oldest GOP waiting passes the 30 s limit every few records
        long now = 0;
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (GopFeed.GopRecord r : records) {
            now += 10_000;
            stages.add(slow.accept(r.meta(), r.value(), now));
            slow.storeWaitingGops(now);
        }
        assertTrue(listParts(ref).pieces().values().stream().anyMatch(p -> p.lastSeq() > p.firstSeq()),
                "GOPs stored as one piece: " + listParts(ref).pieces());
        assertTrue(listParts(ref).chunkChain().size() >= 1, "chunks: " + listParts(ref).chunks());
        int replayFrom = firstNotDurable(stages);
        // the instance that recorded it dies after uploading the archive, before announcing it
        ArchiveAnnouncer dies = e -> {
            throw new IllegalStateException("killed after the upload, before the announcement");
        };
        assertThrows(IllegalStateException.class, () -> finalizer("slow", dies)
                .finalizeSession(ref, SessionFinalizer.LAST_RECORD, slow));
        byte[] fromTheLiveSpool = store.get(ref.archiveKey()).orElseThrow();
        slow.discard();

        // the next owner gets the records from the first one not committed and finishes from storage and Kafka
        SessionArchive next = open(ref, listParts(ref), "slow-next");
        feed(next, records.subList(replayFrom, records.size()));
        ArchiveReady event = finalizer("slow-next", e -> { })
                .finalizeSession(ref, SessionFinalizer.LAST_RECORD, next).orElseThrow();

        Path mp4 = download(ref);
        assertArrayEquals(fromTheLiveSpool, Files.readAllBytes(mp4), "the same archive from either instance");
        assertMatchesPushed(ArchiveProbe.of(mp4));
        assertEquals(GopFeed.ingestedBytes(records), event.ingestedBytes(), "every GOP counted once");
    }

    @Test
    void aDeposedInstancesWiderChunkDoesNotCutTheGopsAfterItOutOfTheArchive() throws Exception {
        Recorded recorded = recordWhole("deposed-live");
        SessionRef ref = recorded.ref();
        List<GopFeed.GopRecord> records = recorded.records();
        Chunk overlapping = storeDeposedChunk(ref);

        ArchiveReady event = finalizer("deposed-live", e -> { })
                .finalizeSession(ref, SessionFinalizer.LAST_RECORD, recorded.session()).orElseThrow();

        // the widest chunk would end the chain one GOP later, and the GOPs after it would be in no part of it
        assertTrue(records.size() > overlapping.lastSeq() + 1, "GOPs after the deposed instance's chunk");
        Path mp4 = download(ref);
        assertMatchesPushed(ArchiveProbe.of(mp4));
        assertEquals(GopFeed.ingestedBytes(records), event.ingestedBytes(), "every GOP counted once");
    }

    @Test
    void aKeptGopLostBeforeTheEndFailsTheEndAndLeavesEverythingToBeHandedAgain() throws Exception {
        SessionRef ref = newSession();
        List<GopFeed.GopRecord> records = LongSession.records(clip, ref.sessionId(), COPIES);
        SessionArchive live = open(ref, SessionParts.none(), "losing");
        List<CompletableFuture<Void>> stages = feed(live, records);
        int waiting = firstNotDurable(stages);
        storeDeposedChunk(ref); // the live spool disagrees with storage: the end stores the GOPs waiting first
        deleteTree(cache("losing").root().resolve("pieces").resolve(ref.channel())); // ... whose copies are gone

        assertThrows(SessionAbandonedException.class, () -> finalizer("losing", e -> {
            throw new AssertionError("announced without the GOPs that were lost");
        }).finalizeSession(ref, SessionFinalizer.LAST_RECORD, live));

        assertEquals(0, live.waitingRecords(), "nothing kept any more");
        assertTrue(waiting < stages.size() && stages.subList(waiting, stages.size()).stream()
                .allMatch(CompletableFuture::isCompletedExceptionally), "the records waiting are handed again");
        assertTrue(store.list(ref.archiveKey()).isEmpty(), "no archive");
        assertTrue(listParts(ref).chunkChain().size() >= 2, "the parts are still there");
    }

    /**
     * A chunk as an instance that lost the session mid-way leaves it: from the last chunk's first GOP, one GOP wider
     * (its bytes are the last chunk's: no chain may take it, they would not hold that GOP).
     */
    private static Chunk storeDeposedChunk(SessionRef ref) {
        List<Chunk> chain = listParts(ref).chunkChain();
        Chunk last = chain.get(chain.size() - 1);
        Chunk wider = new Chunk(last.firstSeq(), last.lastSeq() + 1, last.bytes(), last.ingestedBytes(),
                last.endMillis());
        store.put(PartKeys.key(ref.channel(), ref.sessionId(), wider),
                store.get(PartKeys.key(ref.channel(), ref.sessionId(), last)).orElseThrow(), ArchiveStore.MP4);
        return wider;
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static void assertMatchesPushed(ArchiveProbe archive) {
        assertEquals("", archive.decodeErrors(), "decodes without errors");
        assertEquals("h264", archive.videoCodec());
        assertEquals("aac", archive.audioCodec());
        assertEquals(pushed.videoFrames(), archive.videoFrames(), "every frame, once");
        assertEquals(pushed.durationSeconds(), archive.durationSeconds(), FRAME, "as long as the pushed stream");
        assertEquals(pushed.avOffset(), archive.avOffset(), 0.002, "audio and video as far apart as pushed");
    }

    /** A session recorded whole by one instance, not finalised yet. */
    private record Recorded(SessionRef ref, List<GopFeed.GopRecord> records, SessionArchive session) {
    }

    private static Recorded recordWhole(String instance) {
        SessionRef ref = newSession();
        List<GopFeed.GopRecord> records = LongSession.records(clip, ref.sessionId(), COPIES);
        SessionArchive session = open(ref, SessionParts.none(), instance);
        feed(session, records);
        return new Recorded(ref, records, session);
    }

    /** Hands the records over as the service does; the stages say which records would be committed. */
    private static List<CompletableFuture<Void>> feed(SessionArchive session, List<GopFeed.GopRecord> records) {
        return records.stream().map(r -> session.accept(r.meta(), r.value(), System.currentTimeMillis())).toList();
    }

    /** The first record whose stage is not complete: Kafka's committed offset would point at it. */
    private static int firstNotDurable(List<CompletableFuture<Void>> stages) {
        int i = 0;
        while (i < stages.size() && stages.get(i).isDone() && !stages.get(i).isCompletedExceptionally()) {
            i++;
        }
        return i;
    }

    private static SessionArchive open(SessionRef ref, SessionParts parts, String instance) {
        SessionArchive.Tools tools = new SessionArchive.Tools(store, cache(instance),
                gop -> {
                    throw new AssertionError("copy mode encodes nothing");
                }, null, 0, EncodeMode.COPY, Duration.ofSeconds(30));
        return new SessionArchive(ref, parts, tools, System.currentTimeMillis(), System.currentTimeMillis());
    }

    private static SessionFinalizer finalizer(String instance, ArchiveAnnouncer announcer) {
        return new SessionFinalizer(store, cache(instance), announcer, Clock.systemUTC());
    }

    /** One cache per instance, as in the service (a new one clears its directory's spools). */
    private static PieceCache cache(String instance) {
        return CACHES.computeIfAbsent(instance, i -> new PieceCache(work.resolve("instance-" + i)));
    }

    private static SessionParts listParts(SessionRef ref) {
        return SessionParts.fromKeys(store.list(ref.partsPrefix()));
    }

    private static Path download(SessionRef ref) throws Exception {
        Path file = work.resolve(ref.sessionId() + ".mp4");
        Files.write(file, store.get(ref.archiveKey()).orElseThrow(() -> new AssertionError("no archive")));
        return file;
    }

    private static SessionRef newSession() {
        return new SessionRef("it-chunked-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID().toString());
    }
}
