package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.kafka.CommittedOffsets;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.StateJson;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.Meters;
import io.tributary.transcode.testing.PublicHttp;
import io.tributary.transcode.testing.PutLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: with the ladder off, a channel's state object is written every few records, not after every GOP (each
 * write rewrites an existing key, the S3 server's costliest request), and a record's offset is committed once a saved
 * state covers it. {@code TakeoverIT} checks what a successor makes of a state a few records behind.
 */
class StateSavingIT {
    private static final Path CLIP = TestMedia.h264Aac(Duration.ofSeconds(10), 320, 180, 30, 30);
    private static final int WINDOW = 12;
    private static final Duration GRACE = Duration.ofSeconds(60);

    private record Setup(String topic, String group, String channel, List<TestGops.TestGop> gops) {
    }

    private static Setup setup(String name) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Setup s = new Setup("gops-" + name + "-" + id, name + "-" + id, name + "-" + id,
                TestGops.split(CLIP, "S" + id));
        assertEquals(10, s.gops().size());
        GopPublisher.createTopics(s.topic(), 1);
        return s;
    }

    private final MeterRegistry registry = new SimpleMeterRegistry();

    private TranscodeWorker worker(Setup s, StateSaving saving, PutLog puts) {
        return new TranscodeWorker(HandWiredTranscoder.settings(s.topic(), s.group(), WINDOW, GRACE, saving), puts,
                registry, Clock.systemUTC(), null);
    }

    @Test
    void theStateIsWrittenOncePerFiveRecordsAndWithTheSessionsLast() throws Exception {
        Setup s = setup("cadence");
        GopPublisher.publish(s.topic(), s.channel(), s.gops());
        PutLog puts = new PutLog();
        try (TranscodeWorker worker = worker(s, new StateSaving(5, Duration.ofMinutes(10)), puts)) {
            Eventually.await("10 records committed",
                    () -> CommittedOffsets.onPartitionZero(s.group(), s.topic()) == 10);
            assertEquals(2, Meters.stateSaves(registry), 0.0);
        }
        assertEquals(2, puts.count(OutputKeys.state(s.channel())), "after records 4 and 9, not after each of 10");
        List<String> playlists = puts.texts("live/" + s.channel() + "/source/index.m3u8");
        assertEquals(11, playlists.size(), "the playlist still per record, after its placeholder");
        assertFalse(playlists.get(0).contains("#EXTINF"), "the placeholder lists nothing: " + playlists.get(0));
        ChannelState saved = StateJson.read(puts.texts(OutputKeys.state(s.channel())).get(1).getBytes(
                StandardCharsets.UTF_8), ChannelState.class);
        assertEquals(9, saved.lastSequence());
        assertTrue(saved.sessionEnded());
    }

    @Test
    void aChannelWhoseRecordsStopWithoutTheLastIsSavedAndCommittedAfterTheAgeBound() throws Exception {
        Setup s = setup("stalled");
        List<TestGops.TestGop> three = new ArrayList<>(s.gops().subList(0, 3));
        three.set(2, GopPublisher.withoutLast(three.get(2))); // record 2 was never the last: the publisher stalls
        GopPublisher.publish(s.topic(), s.channel(), three);
        Duration age = Duration.ofSeconds(3);
        PutLog puts = new PutLog();
        try (TranscodeWorker worker = worker(s, new StateSaving(5, age), puts)) {
            Eventually.await("record 2 listed", () -> {
                String text = PublicHttp.text("live/" + s.channel() + "/source/index.m3u8");
                return text != null && text.contains(s.gops().get(2).metadata().sessionId() + "-2.m4s");
            });
            long listed = System.nanoTime();
            Eventually.await("3 records committed", () -> CommittedOffsets.onPartitionZero(s.group(), s.topic()) == 3);
            Duration waited = Duration.ofNanos(System.nanoTime() - listed);
            // the age runs from record 0; commits go out every second
            assertTrue(waited.compareTo(age.plusSeconds(5)) < 0, "committed " + waited + " after record 2 listed");
            assertEquals(1, Meters.stateSaves(registry), 0.0, "one save for the three records");
        }
        assertEquals(1, puts.count(OutputKeys.state(s.channel())));
        ChannelState saved = StateJson.read(puts.texts(OutputKeys.state(s.channel())).get(0).getBytes(
                StandardCharsets.UTF_8), ChannelState.class);
        assertEquals(2, saved.lastSequence());
    }

    /**
     * A partition may have only {@code max-in-flight} records pending: with 2, a channel waiting for 5 records before
     * saving would wait for the age bound (10 minutes here) with the partition stopped. The loop says when the
     * partition is full ({@code onPartitionFull}), and the channel saves at once instead.
     */
    @Test
    void aPartitionFullOfUnsavedRecordsSavesInsteadOfWaitingForTheAgeBound() throws Exception {
        Setup s = setup("full");
        GopPublisher.publish(s.topic(), s.channel(), s.gops());
        WorkerSettings settings = new WorkerSettings(SharedKafka.bootstrapServers(), s.topic(), s.group(), 2, 4, 2,
                WorkerSettings.DEFAULT_MAX_QUEUED_BYTES, WINDOW, GRACE, Duration.ofMillis(200), 8, Duration.ofSeconds(60),
                new StateSaving(5, Duration.ofMinutes(10)));
        PutLog puts = new PutLog();
        long started = System.nanoTime();
        try (TranscodeWorker worker = new TranscodeWorker(settings, puts, registry, Clock.systemUTC(), null)) {
            Eventually.await("10 records committed",
                    () -> CommittedOffsets.onPartitionZero(s.group(), s.topic()) == 10);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMinutes(2)) < 0);
            assertTrue(Meters.stateSaves(registry) >= 5, "a save at least every 2 records: "
                    + Meters.stateSaves(registry));
        }
    }
}
