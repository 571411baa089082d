package io.tributary.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.GopFeed.GopRecord;
import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.kafka.ArchiveReadyPublisher;
import io.tributary.archive.kafka.GopTopicPartitions;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName.Chunk;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.ArchiveReady;
import io.tributary.media.event.Topics;
import io.tributary.media.storage.ObjectKeys;
import io.tributary.storage.ObjectStorageException;
import io.tributary.testsupport.kafka.CommittedOffsets;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.media.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive pipeline against a real broker, S3 server and ffmpeg: GOP records of a 6-second clip (1 s GOPs) in,
 * one MP4 and one archive-ready out. Each test has its own topic, so that no other pipeline in this JVM (the Quarkus
 * application of the other ITs consumes stream-gops) sees its records.
 */
class ArchivePipelineIT {
    /** The ingest's record limit: every GOP of the clip fits one record. */
    private static final int WHOLE_GOPS = 8 * 1024 * 1024;
    /** Generous: 2 cores shared by several builds encode 360p at a few times real time at best. */
    private static final Duration EVENT_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /** One frame at 30 fps, rounded up: the tolerance on durations. */
    private static final double FRAME = 0.034;
    /** Of each test's stream-gops topic. */
    private static final int PARTITIONS = 2;

    @TempDir
    static Path work;

    private static String bootstrap;
    private static ArchiveStore store;
    private static ArchiveReadyPublisher publisher;
    private static Path clip;
    private static ArchiveProbe source;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        bootstrap = SharedKafka.bootstrapServers();
        store = SharedArchiveStore.open();
        TopicProvisioner.ensure(bootstrap, TopicCatalog.specs(List.of(Topics.ARCHIVE_READY), 2, (short) 1),
                Duration.ofSeconds(60));
        publisher = new ArchiveReadyPublisher(bootstrap);
        clip = TestMedia.h264Aac(Duration.ofSeconds(6), 640, 360, 30, 30);
        source = ArchiveProbe.ofSourceRemuxed(clip, work);
    }

    @AfterAll
    static void tearDown() {
        publisher.close();
    }

    @AfterEach
    void closePipelines() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void reencodesASessionIntoOneMp4AsLongAsThePushedStream() throws Exception {
        String topic = newTopic();
        String channel = "it-reencode-" + shortId();
        String session = UUID.randomUUID().toString();
        List<GopRecord> records = records(session);
        start(settings(topic));

        GopFeed.publish(bootstrap, topic, channel, records);

        ArchiveReady event = onlyEvent(session);
        ArchiveProbe archive = ArchiveProbe.of(download(event.key()));
        assertMatchesSource(archive);
        assertEquals("h264", archive.videoCodec());
        assertEquals(ObjectKeys.archive(channel, session), event.key());
        assertEquals(channel, event.channel());
        assertEquals(Files.size(download(event.key())), event.bytes());
        assertEquals(GopFeed.ingestedBytes(records), event.ingestedBytes());
        assertTrue(event.bytes() < event.ingestedBytes(), event.bytes() + " bytes archived of " + event.ingestedBytes());
        assertEquals((double) event.bytes() / event.ingestedBytes(), event.compressionRatio(), 1e-9);
        assertEquals(source.durationSeconds() * 1000, event.durationMillis(), FRAME * 1000);
        assertNotNull(event.ssim(), "GOP 0 is sampled");
        assertTrue(event.ssim() > 0.9, "SSIM " + event.ssim());
        assertEquals(List.of(), store.list(PartKeys.sessionPrefix(channel, session)), "parts are removed");
    }

    @Test
    void joinsContinuationRecordsToTheGopTheyContinue() throws Exception {
        String topic = newTopic();
        String channel = "it-continued-" + shortId();
        String session = UUID.randomUUID().toString();
        // a 360p GOP is ~100 kB: 40 kB records split every GOP into three or so
        List<GopRecord> records = GopFeed.records(clip, session, 40_000, true);
        assertTrue(records.size() > 12, records.size() + " records");
        start(settings(topic));

        GopFeed.publish(bootstrap, topic, channel, records);

        ArchiveReady event = onlyEvent(session);
        assertMatchesSource(ArchiveProbe.of(download(event.key())));
        assertEquals(GopFeed.ingestedBytes(records), event.ingestedBytes());
    }

    @Test
    void copyModeKeepsTheSourceAsItCame() throws Exception {
        String topic = newTopic();
        String channel = "it-copy-" + shortId();
        String session = UUID.randomUUID().toString();
        List<GopRecord> records = GopFeed.records(clip, session, WHOLE_GOPS, false);
        start(settings(topic).withMode(EncodeMode.COPY));

        GopFeed.publish(bootstrap, topic, channel, records);

        ArchiveReady event = onlyEvent(session);
        ArchiveProbe archive = ArchiveProbe.of(download(event.key()));
        assertMatchesSource(archive);
        assertEquals(source.videoCodec(), archive.videoCodec());
        assertEquals(null, event.ssim());
        // the same media, in MP4 instead of one FLV per GOP
        assertEquals(1.0, event.compressionRatio(), 0.05);
    }

    @Test
    void finalisesASessionWhoseLastRecordNeverComes() throws Exception {
        String topic = newTopic();
        String channel = "it-timeout-" + shortId();
        String session = UUID.randomUUID().toString();
        List<GopRecord> records = records(session);
        records.remove(records.size() - 1); // the ingest died before sending it
        start(settings(topic).withSessionTimeout(Duration.ofSeconds(3)));

        GopFeed.publish(bootstrap, topic, channel, records);

        ArchiveReady event = onlyEvent(session);
        assertMatchesSource(ArchiveProbe.of(download(event.key())));
    }

    @Test
    void aRestartMidStreamStillGivesOneCompleteArchive() throws Exception {
        String topic = newTopic();
        String channel = "it-restart-" + shortId();
        String session = UUID.randomUUID().toString();
        List<GopRecord> records = records(session);
        ArchiveSettings settings = settings(topic);
        ArchivePipeline first = start(settings);
        GopFeed.publish(bootstrap, topic, channel, records.subList(0, 3));
        await("3 pieces stored", EVENT_TIMEOUT, () -> storedPieces(channel, session) >= 3);
        first.close(); // the instance goes away after committing three GOPs; the ingest keeps publishing

        GopFeed.publish(bootstrap, topic, channel, records.subList(3, records.size()));
        start(settings);

        ArchiveReady event = onlyEvent(session);
        assertMatchesSource(ArchiveProbe.of(download(event.key())));
        assertEquals(GopFeed.ingestedBytes(records), event.ingestedBytes(), "every GOP counted once");
        assertEquals(List.of(event.key()), store.list(ObjectKeys.archive(channel, session)));
    }

    @Test
    void copyModeStoppedBeforeAnyChunkLeavesTheGopsOnlyItHeldToTheNextInstance() throws Exception {
        String topic = newTopic();
        String channel = "it-copy-stop-" + shortId();
        String session = UUID.randomUUID().toString();
        List<GopRecord> records = records(session);
        ArchiveSettings settings = settings(topic).withMode(EncodeMode.COPY);
        ArchivePipeline first = start(settings);
        GopFeed.publish(bootstrap, topic, channel, records.subList(0, 4));
        await("3 records waiting", EVENT_TIMEOUT, () -> first.archiver().waitingRecords() >= 3);
        assertEquals(List.of(PartKeys.sessionPrefix(channel, session) + "piece-0000000000-0000000000-"
                        + records.get(0).value().length + "b-copy.flv"),
                store.list(PartKeys.sessionPrefix(channel, session)),
                "only the first GOP is stored; 1..3 are in memory");
        long began = System.nanoTime();
        first.close(); // a graceful stop: the three records are not committed
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        // the loop's grace is 5 s: a stop that waited for the stages of GOPs waiting for a chunk would take all of it
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0,
                "the stop took " + took.toMillis() + " ms: it waited for stages that could not complete");
        assertEquals(1, CommittedOffsets.total(settings.groupId(), topic), "only the first GOP's record is committed");
        GopFeed.publish(bootstrap, topic, channel, records.subList(4, records.size()));
        start(settings); // gets records 1..3 again: without them the archive below would miss their frames

        ArchiveReady event = onlyEvent(session);
        assertMatchesSource(ArchiveProbe.of(download(event.key())));
        assertEquals(GopFeed.ingestedBytes(records), event.ingestedBytes(), "every GOP counted once");
        assertEquals(List.of(), store.list(PartKeys.sessionPrefix(channel, session)), "parts are removed");
    }

    /**
     * Copy mode keeps GOPs until a 5 MiB chunk holds them (far more than this clip), so at a small in-flight bound the
     * partition fills with records waiting for that chunk: the loop says so, and they are stored as a piece at once
     * instead of the partition standing still for chunk-wait (30 s).
     */
    @Test
    void copyModeAtItsInFlightBoundStoresTheWaitingGopsAtOnce() throws Exception {
        String topic = newTopic();
        String channel = "it-copy-full-" + shortId();
        String session = UUID.randomUUID().toString();
        List<GopRecord> records = records(session);
        ArchiveSettings settings = settings(topic).withMode(EncodeMode.COPY).withMaxInFlight(2);
        start(settings);

        GopFeed.publish(bootstrap, topic, channel, records.subList(0, 5));
        awaitCommitted(settings, 5, Duration.ofSeconds(20));
        GopFeed.publish(bootstrap, topic, channel, records.subList(5, records.size()));

        ArchiveReady event = onlyEvent(session);
        assertMatchesSource(ArchiveProbe.of(download(event.key())));
        assertEquals(GopFeed.ingestedBytes(records), event.ingestedBytes(), "every GOP counted once");
    }

    /**
     * Regressions: the finaliser's failure at a session's last record escaped the handler, and the loop handed that
     * record again and again on a worker thread: no other session of the partition was archived meanwhile. Then the
     * last record's stage waited for the archive: an end that can never succeed held the partition's commits back
     * for good (after 64 × max-in-flight records the loop pauses the partition, and its other sessions are finalised
     * by timeout). Its records are committed once their GOPs are stored, here as a piece after chunk-wait.
     */
    @Test
    void aSessionWhoseArchiveCannotBeMadeAtItsLastRecordDoesNotHoldUpItsPartition() throws Exception {
        String topic = newTopic();
        String failing = "it-unfinished-" + shortId();
        String other = channelOnThePartitionOf(failing);
        String failingSession = UUID.randomUUID().toString();
        String otherSession = UUID.randomUUID().toString();
        List<GopRecord> failingRecords = records(failingSession);
        List<GopRecord> otherRecords = records(otherSession);
        // a chunk no chain from the session's first piece reaches: the finaliser refuses to leave its GOPs out
        String stranded = PartKeys.key(failing, failingSession, new Chunk(50, 60, 1, 1, 1));
        store.put(stranded, new byte[1], ArchiveStore.MP4);
        ArchiveSettings settings = settings(topic).withMode(EncodeMode.COPY).withChunkWait(Duration.ofSeconds(3));
        start(settings);
        long records = failingRecords.size() + otherRecords.size();

        GopFeed.publish(bootstrap, topic, failing, failingRecords);
        GopFeed.publish(bootstrap, topic, other, otherRecords);

        assertMatchesSource(ArchiveProbe.of(download(onlyEvent(otherSession).key())));
        awaitCommitted(settings, records, Duration.ofSeconds(60));
        assertFalse(store.exists(ObjectKeys.archive(failing, failingSession)),
                "every record committed, yet no archive without the chunk's GOPs");

        store.delete(stranded); // someone looked at the parts: the sweeper's next attempt makes the archive
        assertMatchesSource(ArchiveProbe.of(download(onlyEvent(failingSession).key())));
        assertEquals(records, CommittedOffsets.total(settings.groupId(), topic));
    }

    @Test
    void replayingTheWholeTopicWritesNoSecondArchive() throws Exception {
        String topic = newTopic();
        String channel = "it-replay-" + shortId();
        String session = UUID.randomUUID().toString();
        start(settings(topic).withMode(EncodeMode.COPY));
        GopFeed.publish(bootstrap, topic, channel, records(session));
        ArchiveReady event = onlyEvent(session);

        // offsets lost: a new group reads everything again
        start(settings(topic).withGroupId("archive-it-" + shortId()).withMode(EncodeMode.COPY));

        assertEquals(1, ArchiveReadyEvents.await(bootstrap, session, EVENT_TIMEOUT, Duration.ofSeconds(15)).size());
        assertEquals(List.of(event.key()), store.list(ObjectKeys.archive(channel, session)));
        assertEquals(List.of(), store.list(PartKeys.sessionPrefix(channel, session)));
    }

    private static void assertMatchesSource(ArchiveProbe archive) {
        assertEquals("", archive.decodeErrors(), "decodes without errors");
        assertNotNull(archive.videoCodec(), "has video");
        assertEquals("aac", archive.audioCodec(), "has the source's audio");
        assertEquals(source.videoFrames(), archive.videoFrames(), "every frame, once");
        assertEquals(source.durationSeconds(), archive.durationSeconds(), FRAME, "as long as the pushed stream");
        assertEquals(source.avOffset(), archive.avOffset(), 0.002, "audio and video as far apart as in the source");
    }

    private ArchiveReady onlyEvent(String session) {
        List<ArchiveReady> events = ArchiveReadyEvents.await(bootstrap, session, EVENT_TIMEOUT, SETTLE);
        assertEquals(1, events.size(), "archive-ready once: " + events);
        return events.get(0);
    }

    /** The clip as one session's records, a whole GOP each (the ingest's 8 MiB record limit), the last one flagged. */
    private List<GopRecord> records(String session) {
        return GopFeed.records(clip, session, WHOLE_GOPS, true);
    }

    private ArchiveSettings settings(String topic) {
        return ArchiveSettings.defaults(work.resolve("pipeline-" + shortId())).withTopic(topic)
                .withGroupId("archive-it-" + shortId());
    }

    private ArchivePipeline start(ArchiveSettings settings) {
        GopTopicPartitions ownership = new GopTopicPartitions(bootstrap, settings.topic());
        open.add(ownership);
        ArchivePipeline pipeline = ArchivePipeline.start(settings, bootstrap, store, publisher, ownership,
                FfmpegRunner.bundled());
        open.add(0, pipeline);
        return pipeline;
    }

    /** Waits until the pipeline's group has committed {@code records} records of its topic. */
    private static void awaitCommitted(ArchiveSettings settings, long records, Duration timeout)
            throws InterruptedException {
        await(records + " records committed", timeout,
                () -> CommittedOffsets.total(settings.groupId(), settings.topic()) >= records);
    }

    /** Asks {@code done} every 200 ms until it holds; fails naming {@code what} when {@code timeout} passes first. */
    private static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " in time");
            }
            Thread.sleep(200);
        }
    }

    /** A channel whose records go to the same partition of a test topic as {@code channel}'s. */
    private static String channelOnThePartitionOf(String channel) {
        int partition = GopTopicPartitions.partitionFor(channel, PARTITIONS);
        String other;
        do {
            other = "it-other-" + shortId();
        } while (GopTopicPartitions.partitionFor(other, PARTITIONS) != partition);
        return other;
    }

    /** The session's pieces in storage; 0 when the listing failed. */
    private static long storedPieces(String channel, String session) {
        try {
            return store.list(PartKeys.sessionPrefix(channel, session)).stream()
                    .filter(k -> PartKeys.fileName(k).startsWith("piece-")).count();
        } catch (ObjectStorageException e) {
            return 0; // S3Proxy's file-system backend fails a listing that meets an upload in progress: ask again
        }
    }

    private static Path download(String key) throws Exception {
        Path file = work.resolve(key.replace('/', '_'));
        if (!Files.exists(file)) {
            Files.write(file, store.get(key).orElseThrow(() -> new AssertionError("no object " + key)));
        }
        return file;
    }

    private static String newTopic() throws Exception {
        String topic = "stream-gops-it-" + shortId();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1).configs(Map.of("max.message.bytes",
                    Integer.toString(TopicCatalog.GOP_MAX_MESSAGE_BYTES))))).all().get(60, TimeUnit.SECONDS);
        }
        return topic;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
