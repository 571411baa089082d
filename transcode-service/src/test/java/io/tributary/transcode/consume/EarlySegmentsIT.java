package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.media.gop.GopMetadata;
import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.StoredObject;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.kafka.CommittedOffsets;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.PendingUploads;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.MediaPlaylistView;
import io.tributary.transcode.testing.Meters;
import io.tributary.transcode.testing.Probe;
import io.tributary.transcode.testing.PublicHttp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a channel's first record's segments stored while its state loads ({@link EarlySegments}) — never those
 * of a record that is not plainly live, and never in place of a store that failed. {@code FirstRecordIT} pins the
 * rounds of a new channel.
 */
class EarlySegmentsIT {
    /**
     * The records are published before the worker joins its group, which takes seconds on a broker that has just
     * started (the first test of a fresh JVM): a worker clock 30 s behind keeps them within
     * {@link EarlySegments#LIVE_FOR} of their close however slow the join is, so the early store is what is tested.
     */
    private static final Clock WORKER_CLOCK = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-30));
    private static final Path CLIP = TestMedia.h264Aac(Duration.ofSeconds(5), 320, 180, 30, 30);
    private static final Duration GRACE = Duration.ofSeconds(60);
    /** A liveness bound only: how long the state read waits for a segment write that should not come. */
    private static final long HOLD_SECONDS = 3;

    /**
     * The real bucket, where the channel's state object is read only once a write of the channel's segments started
     * (or after {@link #HOLD_SECONDS}): the first step of the channel surely finds its state still loading. Segment
     * writes made before the state was read are logged, and the first {@code failures} of them fail (nothing stored).
     */
    private static final class StateHeldForSegments extends ChannelObjects {
        final List<String> early = Collections.synchronizedList(new ArrayList<>());
        final List<String> failed = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch segmentsWritten = new CountDownLatch(1);
        private final AtomicBoolean stateRead = new AtomicBoolean();
        private final AtomicInteger failures;
        private final String channel;

        StateHeldForSegments(String channel, int failures) {
            super(HandWiredTranscoder.objectStore(), 8);
            this.channel = channel;
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public Optional<byte[]> get(String key) {
            if (!key.equals(OutputKeys.state(channel))) {
                return super.get(key);
            }
            try {
                segmentsWritten.await(HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Optional<byte[]> state = super.get(key);
            stateRead.set(true);
            return state;
        }

        @Override
        public PendingUploads startAll(List<StoredObject> objects) throws InterruptedException {
            List<String> segments = objects.stream().map(StoredObject::key)
                    .filter(k -> k.startsWith("live/" + channel + "/") && k.endsWith(".m4s")).toList();
            if (!segments.isEmpty()) {
                if (!stateRead.get()) {
                    early.addAll(segments);
                }
                segmentsWritten.countDown();
                if (failures.getAndDecrement() > 0) {
                    failed.addAll(segments);
                    throw new ObjectStorageException("S3 away", null);
                }
            }
            return super.startAll(objects);
        }
    }

    private final MeterRegistry registry = new SimpleMeterRegistry();

    private TranscodeWorker worker(String topic, String group, int window, ChannelObjects objects) {
        WorkerSettings settings = HandWiredTranscoder.settings(topic, group, window, GRACE, StateSaving.DEFAULT);
        return new TranscodeWorker(settings, objects, registry, WORKER_CLOCK, null);
    }

    private static boolean ended(String channel) {
        String text = PublicHttp.text("live/" + channel + "/source/index.m3u8");
        return text != null && text.contains("#EXT-X-ENDLIST");
    }

    /** The record as a worker sees it long after its GOP closed (a backlog, a replay). */
    private static TestGops.TestGop closedLongAgo(TestGops.TestGop g) {
        GopMetadata m = g.metadata();
        return new TestGops.TestGop(GopMetadata.of(m.sessionId(), m.sequence(),
                m.mediaStartMillis(), m.mediaDurationMillis(), m.closedAtEpochMillis() - 600_000, m.flags()),
                g.value());
    }

    @Test
    void aReplayedOldFirstRecordOfAChannelTakenOverIsNotStoredBeforeItsStateRefusesIt() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "gops-early-old-" + id;
        String channel = "early-old-" + id;
        String session = "S" + id;
        List<TestGops.TestGop> gops = TestGops.split(CLIP, session).stream().map(EarlySegmentsIT::closedLongAgo)
                .toList();
        assertEquals(5, gops.size());
        GopPublisher.createTopics(topic, 1);
        GopPublisher.publish(topic, channel, gops);
        // window 2: segments 0 to 2 leave the playlists and are retired
        try (HandWiredTranscoder first = new HandWiredTranscoder(topic, channel, 2, GRACE)) {
            Eventually.await("5 records committed", () -> CommittedOffsets.onPartitionZero(channel, topic) == 5);
        }
        String playlist = PublicHttp.text("live/" + channel + "/source/index.m3u8");
        // segment 0's grace has passed and retention deleted it; then a successor gets record 0 again
        ObjectStore bucket = HandWiredTranscoder.objectStore();
        List<String> segment0 = List.of(OutputKeys.mediaSegment(channel, "source", session, 0),
                OutputKeys.mediaSegment(channel, "audio", session, 0));
        segment0.forEach(bucket::delete);
        GopPublisher.rewind(channel, topic, 0);

        StateHeldForSegments objects = new StateHeldForSegments(channel, 0);
        try (TranscodeWorker second = worker(topic, channel, 2, objects)) {
            Eventually.await("the 5 records skipped as replays",
                    () -> Meters.skipped(registry, TranscodeMetrics.REPLAYED) == 5);
            assertEquals(List.of(), objects.early, "nothing stored before the state was read");
            assertEquals(0, Meters.segments(registry), 0.0);
        }
        segment0.forEach(key -> assertFalse(bucket.exists(key), key + " stays deleted"));
        assertEquals(playlist, PublicHttp.text("live/" + channel + "/source/index.m3u8"));
    }

    @Test
    void aFailedEarlyStoreIsRetriedAndNoSegmentIsLeftOut() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "gops-early-fail-" + id;
        String channel = "early-fail-" + id;
        String session = "S" + id;
        List<TestGops.TestGop> gops = TestGops.split(CLIP, session);
        GopPublisher.createTopics(topic, 1);
        GopPublisher.publish(topic, channel, gops);

        StateHeldForSegments objects = new StateHeldForSegments(channel, 1);
        try (TranscodeWorker worker = worker(topic, channel, 10, objects)) {
            Eventually.await("the playlist ends", () -> ended(channel));
            assertEquals(10, Meters.segments(registry), 0.0, "5 records of source and audio, counted once");
        }
        List<String> segment0 = List.of(OutputKeys.mediaSegment(channel, "source", session, 0),
                OutputKeys.mediaSegment(channel, "audio", session, 0));
        assertEquals(segment0.stream().sorted().toList(), objects.failed.stream().sorted().toList(),
                "the first record's early store failed");
        assertTrue(objects.early.containsAll(segment0), "it was made while the state loaded: " + objects.early);
        ObjectStore bucket = HandWiredTranscoder.objectStore();
        for (String rendition : List.of("source", "audio")) {
            MediaPlaylistView p = MediaPlaylistView.parse(PublicHttp.text("live/" + channel + "/" + rendition
                    + "/index.m3u8"));
            assertEquals(List.of(session + "-0.m4s", session + "-1.m4s", session + "-2.m4s", session + "-3.m4s",
                    session + "-4.m4s"), p.uris(), rendition);
            for (int seq = 0; seq < 5; seq++) {
                String key = OutputKeys.mediaSegment(channel, rendition, session, seq);
                assertTrue(bucket.exists(key), key + " stored");
            }
        }
        assertEquals(150, Probe.frames(PublicHttp.url("live/" + channel + "/master.m3u8"), "v"));
    }
}
