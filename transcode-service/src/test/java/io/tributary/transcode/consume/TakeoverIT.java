package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.storage.ObjectStore;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.kafka.CommittedOffsets;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.manifest.live.SegmentNames;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.OutputObjects;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.Meters;
import io.tributary.transcode.testing.MediaPlaylistView;
import io.tributary.transcode.testing.Probe;
import io.tributary.transcode.testing.PublicHttp;
import io.tributary.transcode.testing.PutLog;
import java.nio.file.Path;
import java.time.Clock;
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
    /** Ten GOPs too: without video, the ingest cuts a GOP every 2 s of audio. */
    private static final Path AUDIO_CLIP = TestMedia.audioOnly(Duration.ofSeconds(20));
    private static final int WINDOW = 12;
    private static final Duration GRACE = Duration.ofSeconds(60);

    private record Stream(String topic, String channel, String group, String session, List<TestGops.TestGop> gops,
                          boolean video) {
        List<String> expectedUris() {
            return IntStream.range(0, 10).mapToObj(i -> session + "-" + i + ".m4s").toList();
        }

        /** The renditions the worker makes of it, the one it reads its published-through record from first. */
        List<String> renditions() {
            return video ? List.of("source", "audio") : List.of("audio");
        }

        String playlist(String rendition) {
            return "live/" + channel + "/" + rendition + "/index.m3u8";
        }
    }

    private static Stream stream(String name) throws Exception {
        return stream(name, CLIP, true);
    }

    private static Stream stream(String name, Path clip, boolean video) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String session = "S" + id;
        Stream s = new Stream("gops-" + name + "-" + id, name + "-" + id, name + "-" + id, session,
                TestGops.split(clip, session), video);
        assertEquals(10, s.gops().size());
        GopPublisher.createTopics(s.topic(), 1);
        return s;
    }

    private static void handled(Stream s, long records) throws InterruptedException {
        Eventually.await(records + " records committed", () -> CommittedOffsets.onPartitionZero(s.group(), s.topic()) == records);
    }

    private static void awaitEnd(Stream s) throws InterruptedException {
        Eventually.await("the playlists end", () -> s.renditions().stream().map(r -> PublicHttp.text(s.playlist(r)))
                .allMatch(text -> text != null && text.contains("#EXT-X-ENDLIST")));
    }

    /** Every GOP once, in order, no discontinuity, one DASH Period; and players agree. */
    private static void assertOneGaplessPresentation(Stream s) throws Exception {
        for (String rendition : s.renditions()) {
            MediaPlaylistView p = MediaPlaylistView.parse(PublicHttp.text(s.playlist(rendition)));
            assertEquals(s.expectedUris(), p.uris(), rendition);
            assertEquals(0, p.mediaSequence());
            assertEquals(0, p.discontinuities(), rendition);
            assertTrue(p.ended());
        }
        String mpd = PublicHttp.text("live/" + s.channel() + "/manifest.mpd");
        assertEquals(1, mpd.split("<Period ", -1).length - 1, mpd);
        if (!s.video()) {
            return;
        }
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
            assertEquals(0, Meters.skipped(second.registry(), TranscodeMetrics.REPLAYED), 0.0);
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
            assertEquals(3, Meters.skipped(second.registry(), TranscodeMetrics.REPLAYED), 0.0);
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
        // the state saved after every record: the state object after record 3 is there to be captured
        try (HandWiredTranscoder first = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE,
                StateSaving.EVERY_RECORD)) {
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
        try (HandWiredTranscoder second = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE,
                StateSaving.EVERY_RECORD)) {
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

    /**
     * Issue 10: the state is saved every 5 records. A worker killed after 7 leaves its state object after record 4
     * and its playlists through record 6: its successor replays 5 and 6 in memory only, storing neither their segments
     * nor their manifests, so the stored source playlist never goes back while it catches up; the presentation is the
     * one an uninterrupted run makes.
     */
    @Test
    void aSuccessorOfAWorkerKilledBetweenStateSavesNeverSetsAPlaylistBack() throws Exception {
        assertSuccessorNeverSetsAPlaylistBack(stream("cadence"));
    }

    /**
     * The same for an audio-only channel (review of af14e97): without a source playlist, the successor reads how far
     * its predecessor got from the audio playlist, and never sets that one back.
     */
    @Test
    void aSuccessorOfAWorkerKilledBetweenStateSavesNeverSetsTheAudioPlaylistOfAnAudioOnlyChannelBack()
            throws Exception {
        assertSuccessorNeverSetsAPlaylistBack(stream("radio", AUDIO_CLIP, false));
    }

    private static void assertSuccessorNeverSetsAPlaylistBack(Stream s) throws Exception {
        ObjectStore objects = HandWiredTranscoder.objectStore();
        String stateKey = OutputKeys.state(s.channel());
        String rendition = s.renditions().get(0);
        String playlistKey = s.playlist(rendition);
        StateSaving every5 = new StateSaving(5, Duration.ofMinutes(10)); // the count decides, never the age
        byte[] stateAfter4;
        GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(0, 7));
        try (HandWiredTranscoder first = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE, every5)) {
            handled(s, 5);
            Eventually.await("records 5 and 6 listed", () -> lastListed(PublicHttp.text(playlistKey)) == 6);
            assertEquals(5, CommittedOffsets.onPartitionZero(s.group(), s.topic()),
                    "records 5 and 6 wait for a state that covers them");
            stateAfter4 = objects.get(stateKey).orElseThrow();
            assertEquals(1, Meters.stateSaves(first.registry()), 0.0, "one save for records 0 to 4");
        }
        handled(s, 7); // a graceful stop saves the state of records 5 and 6, and commits them
        // killed instead: its last state and commit were those of record 4
        objects.put(OutputObjects.state(stateKey, stateAfter4));
        GopPublisher.rewind(s.group(), s.topic(), 5);
        GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(7, 10));
        PutLog puts = new PutLog();
        MeterRegistry registry = new SimpleMeterRegistry();
        try (TranscodeWorker second = new TranscodeWorker(HandWiredTranscoder.settings(s.topic(), s.group(), WINDOW,
                GRACE, every5), puts, registry, Clock.systemUTC(), null)) {
            awaitEnd(s);
            handled(s, 10);
            assertEquals(1, Meters.stateSaves(registry), 0.0, "records 5 to 9: one save, with the last");
        }
        assertEquals(1, puts.count(stateKey));
        assertEquals(List.of(7L, 8L, 9L), puts.texts(playlistKey).stream().map(TakeoverIT::lastListed).toList(),
                "each version of the " + rendition + " playlist the successor stored ends later than the one before");
        List<String> segments = puts.keysEndingWith(".m4s").stream().filter(k -> k.contains("/" + rendition + "/"))
                // record 5's may have been stored while the channel's state loaded (EarlySegments)
                .filter(k -> !k.endsWith("-5.m4s")).toList();
        assertEquals(List.of(7, 8, 9).stream().map(i -> OutputKeys.mediaSegment(s.channel(), rendition, s.session(), i))
                .toList(), segments, "record 6's segment, listed already, is not stored again");
        assertOneGaplessPresentation(s);
    }

    /** The sequence number of the last segment a media playlist lists; -1 for none. */
    private static long lastListed(String playlist) {
        if (playlist == null) {
            return -1;
        }
        List<String> uris = MediaPlaylistView.parse(playlist).uris();
        if (uris.isEmpty()) {
            return -1;
        }
        return SegmentNames.readMedia(uris.get(uris.size() - 1)).orElseThrow().sequence();
    }
}
