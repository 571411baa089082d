package io.tributary.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.GopFeed.GopRecord;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.ArchiveReady;
import io.tributary.media.event.Topics;
import io.tributary.media.storage.ObjectKeys;
import io.tributary.storage.ObjectStorageException;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.s3.EmbeddedS3;
import io.tributary.testsupport.s3.SharedS3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service, killed with SIGKILL mid-stream and again during the final step, restarted each time on the
 * same consumer group: still exactly one complete archive. Runs the jar that {@code package} built, as a child
 * process per "instance", each with its own work directory (a new machine: nothing local survives).
 */
class KillNineIT {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path work;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedMidStreamAndDuringTheFinalStepStillGivesOneCompleteArchive() throws Exception {
        Scenario sc = scenario("kill-");
        String bootstrap = sc.bootstrap();
        EmbeddedS3 s3 = sc.s3();
        ArchiveStore store = sc.store();
        String topic = sc.topic();
        String group = sc.group();
        String channel = sc.channel();
        String session = sc.session();
        ArchiveProbe source = sc.source();
        List<GopRecord> records = sc.records();
        String prefix = PartKeys.sessionPrefix(channel, session);
        String archiveKey = ObjectKeys.archive(channel, session);

        // 1: killed while the stream is live, with some GOPs committed and maybe one stored but not committed
        Process first = startService(bootstrap, s3, topic, group, "first");
        GopFeed.publish(bootstrap, topic, channel, records.subList(0, 4));
        await("three pieces stored", () -> store.list(prefix).stream().filter(k -> k.contains("/piece-")).count() >= 3);
        kill(first);

        // 2: the rest of the stream and its end arrive; killed as soon as the archive object shows up
        GopFeed.publish(bootstrap, topic, channel, records.subList(4, records.size()));
        Process second = startService(bootstrap, s3, topic, group, "second");
        await("the archive uploaded", () -> store.exists(archiveKey));
        kill(second);

        // 3: a third instance finishes whatever was left
        startService(bootstrap, s3, topic, group, "third");
        List<ArchiveReady> events = ArchiveReadyEvents.await(bootstrap, session, TIMEOUT, Duration.ofSeconds(20));
        await("the parts removed", () -> store.list(prefix).isEmpty());

        assertTrue(!events.isEmpty() && events.size() <= 2, "archive-ready at least once, at most once per attempt: "
                + events);
        for (ArchiveReady e : events) {
            assertEquals(archiveKey, e.key());
            assertEquals(events.get(0).bytes(), e.bytes(), "every attempt wrote the same archive");
            assertEquals(GopFeed.ingestedBytes(records), e.ingestedBytes());
        }
        assertEquals(List.of(archiveKey), store.list("archive/" + channel + "/"), "one archive");
        Path mp4 = work.resolve("archive.mp4");
        Files.write(mp4, store.get(archiveKey).orElseThrow());
        ArchiveProbe archive = ArchiveProbe.of(mp4);
        assertEquals("", archive.decodeErrors());
        assertEquals(source.videoFrames(), archive.videoFrames(), "no frame lost or doubled");
        assertEquals(source.durationSeconds(), archive.durationSeconds(), 0.034);
        assertEquals(source.avOffset(), archive.avOffset(), 0.002);
    }

    @Test
    void copyModeKilledBeforeAnyChunkStillGivesOneCompleteArchive() throws Exception {
        Scenario sc = scenario("kill-copy-");
        ArchiveStore store = sc.store();
        List<GopRecord> records = sc.records();
        String prefix = PartKeys.sessionPrefix(sc.channel(), sc.session());
        String archiveKey = ObjectKeys.archive(sc.channel(), sc.session());

        // 1: killed while live, before any chunk: GOP 0 is a piece, the GOPs after it were only in its memory
        Process first = startService(sc.bootstrap(), sc.s3(), sc.topic(), sc.group(), "first", "copy");
        GopFeed.publish(sc.bootstrap(), sc.topic(), sc.channel(), records.subList(0, 5));
        await("the first GOP stored",
                () -> store.list(prefix).stream().anyMatch(k -> k.contains("/piece-0000000000-")));
        kill(first);
        assertTrue(store.list(prefix).stream().noneMatch(k -> k.contains("/chunk-")), "no chunk before the kill");

        // 2: the rest of the stream arrives; another instance gets the records not committed again
        GopFeed.publish(sc.bootstrap(), sc.topic(), sc.channel(), records.subList(5, records.size()));
        startService(sc.bootstrap(), sc.s3(), sc.topic(), sc.group(), "second", "copy");
        List<ArchiveReady> events = ArchiveReadyEvents.await(sc.bootstrap(), sc.session(), TIMEOUT,
                Duration.ofSeconds(10));
        await("the parts removed", () -> store.list(prefix).isEmpty());

        assertEquals(1, events.size(), "announced once: " + events);
        assertEquals(GopFeed.ingestedBytes(records), events.get(0).ingestedBytes(), "every GOP counted once");
        Path mp4 = work.resolve("archive.mp4");
        Files.write(mp4, store.get(archiveKey).orElseThrow());
        ArchiveProbe archive = ArchiveProbe.of(mp4);
        assertEquals("", archive.decodeErrors());
        assertEquals(sc.source().videoFrames(), archive.videoFrames(), "no frame lost or doubled");
        assertEquals(sc.source().durationSeconds(), archive.durationSeconds(), 0.034);
        assertEquals(sc.source().avOffset(), archive.avOffset(), 0.002);
    }

    /** What each test starts from: a topic of its own, a 10 s 360p session cut into GOP records, the stores. */
    private record Scenario(String bootstrap, EmbeddedS3 s3, ArchiveStore store, String topic, String group,
                            String channel, String session, ArchiveProbe source, List<GopRecord> records) {
    }

    private Scenario scenario(String name) throws Exception {
        Assumptions.assumeTrue(Files.exists(JAR), "the service is packaged before integration tests");
        String bootstrap = SharedKafka.bootstrapServers();
        EmbeddedS3 s3 = SharedS3.instance();
        ArchiveStore store = SharedArchiveStore.open();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "stream-gops-" + name + id;
        String session = UUID.randomUUID().toString();
        TopicProvisioner.ensure(bootstrap, TopicCatalog.specs(List.of(Topics.ARCHIVE_READY), 2, (short) 1),
                Duration.ofSeconds(60));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1).configs(Map.of("max.message.bytes",
                    Integer.toString(TopicCatalog.GOP_MAX_MESSAGE_BYTES))))).all().get(60, TimeUnit.SECONDS);
        }
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(10), 640, 360, 30, 30);
        return new Scenario(bootstrap, s3, store, topic, "archive-" + name + id, name + id, session,
                ArchiveProbe.ofSourceRemuxed(clip, work), GopFeed.records(clip, session, 8 * 1024 * 1024, true));
    }

    private Process startService(String bootstrap, EmbeddedS3 s3, String topic, String group, String name)
            throws IOException, InterruptedException {
        return startService(bootstrap, s3, topic, group, name, "reencode");
    }

    private Process startService(String bootstrap, EmbeddedS3 s3, String topic, String group, String name,
                                 String mode) throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m",
                "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dtributary.s3.endpoint=" + s3.endpoint(),
                "-Dtributary.s3.access-key=" + s3.accessKey(),
                "-Dtributary.s3.secret-key=" + s3.secretKey(),
                "-Dtributary.s3.bucket=" + SharedS3.BUCKET,
                "-Dtributary.s3.region=" + EmbeddedS3.REGION,
                "-Dquarkus.http.port=0",
                "-Dtributary.archive.consumer.topic=" + topic,
                "-Dtributary.archive.consumer.group-id=" + group,
                "-Dtributary.archive.encoder.mode=" + mode,
                // the broker's minimum: a killed instance's partitions move on after 6 s instead of 45
                "-Dtributary.archive.consumer.session-timeout=6s",
                "-Dtributary.archive.session.work-dir=" + work.resolve(name)));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        cmd.addAll(List.of("-jar", JAR.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        await(name + " instance started (" + log + ")", () -> {
            try {
                return Files.readString(log).contains("archiving " + topic);
            } catch (IOException e) {
                return false;
            }
        });
        return p;
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (ObjectStorageException e) {
            return false;
        }
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no commit, no cleanup
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }

    /**
     * Polls until {@code condition} holds. A storage error counts as "not yet": S3Proxy's file-system backend answers a
     * listing with 500 when it meets the temporary file of an upload in progress.
     */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not in time: " + what);
            }
            Thread.sleep(20);
        }
    }
}
