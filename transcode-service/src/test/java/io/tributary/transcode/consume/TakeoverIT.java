package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.ObjectStore;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.kafka.CommittedOffsets;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.OutputObjects;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.MediaPlaylistView;
import io.tributary.transcode.testing.Probe;
import io.tributary.transcode.testing.PublicHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One worker stops mid-stream and another takes the channel over from the same consumer group, with nothing in
 * memory: it rebuilds the channel from the state object in the bucket and continues the playlists, every GOP listed
 * once, none missing. The "kill -9" cases are made by moving the group's offset back (the commits a killed worker
 * never made) and by putting back an older state object (a worker killed between its manifests and its state).
 */
class TakeoverIT {
    private static final Path CLIP = TestMedia.h264Aac(Duration.ofSeconds(10), 320, 180, 30, 30);
    private static final int WINDOW = 12;
    private static final Duration GRACE = Duration.ofSeconds(60);

    private record Stream(String topic, String channel, String group, String session, List<TestGops.TestGop> gops) {
        List<String> expectedUris() {
            return IntStream.range(0, 10).mapToObj(i -> session + "-" + i + ".m4s").toList();
        }
    }

    private static Stream stream(String name) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String session = "S" + id;
        Stream s = new Stream("gops-" + name + "-" + id, name + "-" + id, name + "-" + id, session,
                TestGops.split(CLIP, session));
        assertEquals(10, s.gops().size());
        GopPublisher.createTopics(s.topic(), 1);
        return s;
    }

    private static void handled(Stream s, long records) throws InterruptedException {
        Eventually.await(records + " records committed", () -> CommittedOffsets.onPartitionZero(s.group(), s.topic()) == records);
    }

    private static void awaitEnd(Stream s) throws InterruptedException {
        Eventually.await("the playlist ends", () -> {
            String text = PublicHttp.text("live/" + s.channel() + "/source/index.m3u8");
            String audio = PublicHttp.text("live/" + s.channel() + "/audio/index.m3u8");
            return text != null && text.contains("#EXT-X-ENDLIST") && audio != null && audio.contains("#EXT-X-ENDLIST");
        });
    }

    /** Every GOP once, in order, no discontinuity, one DASH Period; and players agree. */
    private static void assertOneGaplessPresentation(Stream s) throws Exception {
        for (String rendition : List.of("source", "audio")) {
            MediaPlaylistView p = MediaPlaylistView.parse(PublicHttp.text("live/" + s.channel() + "/" + rendition
                    + "/index.m3u8"));
            assertEquals(s.expectedUris(), p.uris(), rendition);
            assertEquals(0, p.mediaSequence());
            assertEquals(0, p.discontinuities(), rendition);
            assertTrue(p.ended());
        }
        String mpd = PublicHttp.text("live/" + s.channel() + "/manifest.mpd");
        assertEquals(1, mpd.split("<Period ", -1).length - 1, mpd);
        assertEquals(300, Probe.frames(PublicHttp.url("live/" + s.channel() + "/master.m3u8"), "v"));
        assertEquals(300, Probe.frames(PublicHttp.url("live/" + s.channel() + "/manifest.mpd"), "v"));
    }

    @Test
    void aWorkerTakingOverMidStreamContinuesThePlaylistsWithoutGapOrDuplicate() throws Exception {
        Stream s = stream("takeover");
        GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(0, 5));
        try (HandWiredTranscoder first = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE)) {
            handled(s, 5);
        }
        GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(5, 10));
        try (HandWiredTranscoder second = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE)) {
            awaitEnd(s);
            assertEquals(0, second.metrics().skippedCount(TranscodeMetrics.REPLAYED), 0.0);
        }
        assertOneGaplessPresentation(s);
    }

    @Test
    void recordsAKilledWorkerNeverCommittedAreReplayedWithoutDuplicates() throws Exception {
        Stream s = stream("killed");
        GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(0, 5));
        try (HandWiredTranscoder first = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE)) {
            handled(s, 5);
        }
        // killed before committing records 2, 3 and 4: its successor gets them again
        GopPublisher.rewind(s.group(), s.topic(), 2);
        GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(5, 10));
        try (HandWiredTranscoder second = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE)) {
            awaitEnd(s);
            assertEquals(3, second.metrics().skippedCount(TranscodeMetrics.REPLAYED), 0.0);
        }
        assertOneGaplessPresentation(s);
    }

    @Test
    void aStateObjectOneRecordBehindThePlaylistsIsCaughtUpWithIdenticalObjects() throws Exception {
        Stream s = stream("behind");
        ObjectStore objects = HandWiredTranscoder.objectStore();
        String stateKey = OutputKeys.state(s.channel());
        byte[] stateAfter3;
        byte[] segment4;
        String playlistAfter4;
        GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(0, 4));
        try (HandWiredTranscoder first = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE)) {
            handled(s, 4);
            stateAfter3 = objects.get(stateKey).orElseThrow();
            GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(4, 5));
            handled(s, 5);
            segment4 = objects.get("live/" + s.channel() + "/source/" + s.session() + "-4.m4s").orElseThrow();
            playlistAfter4 = PublicHttp.text("live/" + s.channel() + "/source/index.m3u8");
        }
        // killed after record 4's manifests, before its state and its commit
        objects.put(OutputObjects.state(stateKey, stateAfter3));
        GopPublisher.rewind(s.group(), s.topic(), 4);
        try (HandWiredTranscoder second = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE)) {
            handled(s, 5);
            assertEquals(playlistAfter4, PublicHttp.text("live/" + s.channel() + "/source/index.m3u8"),
                    "record 4 again: the same playlist, segment 4 listed once");
            assertArrayEquals(segment4, objects.get("live/" + s.channel() + "/source/" + s.session() + "-4.m4s")
                    .orElseThrow());
            GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(5, 10));
            awaitEnd(s);
        }
        assertOneGaplessPresentation(s);
    }
}
