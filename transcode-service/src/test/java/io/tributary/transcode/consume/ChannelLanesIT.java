package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.storage.StoredObject;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.kafka.CommittedOffsets;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.PendingUploads;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.PublicHttp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: the channels of one partition are packaged independently. A channel whose writes are held up (its storage
 * step blocked) delays no other channel's manifests, the partition's commit never passes its unfinished record, and a
 * worker that stops meanwhile lets go of it without writing anything more of it.
 */
class ChannelLanesIT {
    private static final Path CLIP = TestMedia.h264Aac(Duration.ofSeconds(3), 320, 180, 30, 30);

    /** Storage that holds every write of one channel until {@link #storageBack} is counted down. */
    private static final class HeldUpChannel extends ChannelObjects {
        final CountDownLatch storageBack = new CountDownLatch(1);
        final CountDownLatch heldUp = new CountDownLatch(1);
        private final String channel;

        HeldUpChannel(String channel) {
            super(HandWiredTranscoder.objectStore(), 8);
            this.channel = channel;
        }

        @Override
        public PendingUploads startAll(List<StoredObject> objects) throws InterruptedException {
            if (objects.stream().anyMatch(o -> o.key().contains("/" + channel + "/")
                    || o.key().equals(OutputKeys.state(channel)))) {
                heldUp.countDown();
                storageBack.await();
            }
            return super.startAll(objects);
        }
    }

    private record Setup(String topic, String group, String slow, String fast) {
    }

    /** One partition: the slow channel's three records, then the fast one's. */
    private static Setup publishBoth(String name) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Setup s = new Setup("gops-" + name + "-" + id, name + "-" + id, "slow-" + id, "fast-" + id);
        GopPublisher.createTopics(s.topic(), 1);
        List<TestGops.TestGop> slow = TestGops.split(CLIP, "S" + id);
        List<TestGops.TestGop> fast = TestGops.split(CLIP, "F" + id);
        assertEquals(3, slow.size());
        GopPublisher.publish(s.topic(), s.slow(), slow);
        GopPublisher.publish(s.topic(), s.fast(), fast);
        return s;
    }

    private static TranscodeWorker worker(Setup s, ChannelObjects objects) {
        WorkerSettings settings = HandWiredTranscoder.settings(s.topic(), s.group(), 10, Duration.ofSeconds(60),
                StateSaving.DEFAULT);
        return new TranscodeWorker(settings, objects, new SimpleMeterRegistry(), Clock.systemUTC(), null);
    }

    private static boolean ended(String channel) {
        String text = PublicHttp.text("live/" + channel + "/source/index.m3u8");
        return text != null && text.contains("#EXT-X-ENDLIST");
    }

    @Test
    void aChannelHeldUpOnStorageDelaysNeitherTheOtherChannelOfItsPartitionNorIsCommittedPast() throws Exception {
        Setup s = publishBoth("lanes");
        HeldUpChannel objects = new HeldUpChannel(s.slow());
        try (TranscodeWorker worker = worker(s, objects)) {
            Eventually.await("the fast channel's playlist ends", () -> ended(s.fast()));
            assertTrue(objects.heldUp.getCount() == 0, "the slow channel's first write is held up");
            assertEquals(null, PublicHttp.text("live/" + s.slow() + "/source/index.m3u8"));
            assertTrue(CommittedOffsets.onPartitionZero(s.group(), s.topic()) <= 0,
                    "record 0 (the slow channel's) is not stored: nothing after it is committed");

            objects.storageBack.countDown();
            Eventually.await("the slow channel's playlist ends", () -> ended(s.slow()));
            Eventually.await("all six records committed", () -> CommittedOffsets.onPartitionZero(s.group(), s.topic()) == 6);
        }
    }

    @Test
    void aWorkerStoppingWhileAChannelIsHeldUpReturnsAndWritesNothingMoreOfIt() throws Exception {
        Setup s = publishBoth("lanes-stop");
        HeldUpChannel objects = new HeldUpChannel(s.slow());
        TranscodeWorker worker = worker(s, objects);
        Eventually.await("the fast channel's playlist ends", () -> ended(s.fast()));
        objects.heldUp.await();
        // a liveness bound only: closing must not wait for storage to come back
        assertTimeoutPreemptively(Duration.ofSeconds(120), worker::close);
        objects.storageBack.countDown();
        assertEquals(null, PublicHttp.text("live/" + s.slow() + "/source/index.m3u8"), "no manifest of it");
        assertTrue(HandWiredTranscoder.objectStore().get(OutputKeys.state(s.slow())).isEmpty(), "no state of it");
        assertTrue(CommittedOffsets.onPartitionZero(s.group(), s.topic()) <= 0, "its records are left to the next owner");
    }
}
