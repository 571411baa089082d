package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.ObjectStore;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.kafka.CommittedOffsets;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.cmaf.box.BoxTree;
import io.tributary.transcode.ladder.EncoderSettings;
import io.tributary.transcode.ladder.Ladder;
import io.tributary.transcode.ladder.LadderMetrics;
import io.tributary.transcode.ladder.LadderPlanner;
import io.tributary.transcode.ladder.LadderSettings;
import io.tributary.transcode.ladder.LagPolicy;
import io.tributary.transcode.ladder.RungSpec;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.testing.ChannelSnapshot;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.Meters;
import io.tributary.transcode.testing.MediaPlaylistView;
import io.tributary.transcode.testing.Probe;
import io.tributary.transcode.testing.PublicHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: the ABR ladder wired into the worker. GOP records of a 640x360 stream go through the real worker with a
 * 240p and a 180p rung; everything is checked from object storage, as a player sees it.
 */
class LadderWorkerIT {
    private static final int WINDOW = 12;
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final List<String> VIDEO = List.of("source", "240p", "180p");
    private static final List<String> ALL = List.of("source", "audio", "240p", "180p");

    private record Stream(String topic, String channel, String group, String session, List<TestGops.TestGop> gops) {
        List<String> expectedUris(int count) {
            return IntStream.range(0, count).mapToObj(i -> session + "-" + i + ".m4s").toList();
        }

        String key(String rest) {
            return "live/" + channel + "/" + rest;
        }
    }

    /** A stream of {@code gops} one-second GOPs of 640x360 H.264 and AAC, on a topic of its own. */
    private static Stream stream(String name, int gops) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String session = "S" + id;
        List<TestGops.TestGop> all = TestGops.split(TestMedia.h264Aac(Duration.ofSeconds(gops), 640, 360, 30, 30),
                session);
        assertEquals(gops, all.size());
        Stream s = new Stream("gops-" + name + "-" + id, name + "-" + id, name + "-" + id, session, all);
        GopPublisher.createTopics(s.topic(), 1);
        return s;
    }

    /** 240p and 180p rungs (small, so the test is quick), never dropped for speed on a loaded machine. */
    private static LadderSettings ladder(LagPolicy lag) {
        Map<String, String> rates = Map.of("240p", "400k", "180p", "200k");
        Ladder ladder = new Ladder(List.of(RungSpec.named("240p", rates), RungSpec.named("180p", rates)), null);
        return new LadderSettings(true, new LadderPlanner(ladder, Map.of()), EncoderSettings.defaults(), lag);
    }

    private static final LadderSettings LADDER = ladder(new LagPolicy(4, 0.001, 64));

    private static void committed(Stream s, long records) throws InterruptedException {
        Eventually.await(records + " records committed", () -> CommittedOffsets.onPartitionZero(s.group(), s.topic()) == records);
    }

    private static void awaitEnd(Stream s, List<String> renditions) throws InterruptedException {
        Eventually.await("every playlist ends", () -> renditions.stream().allMatch(r -> {
            String text = PublicHttp.text(s.key(r + "/index.m3u8"));
            return text != null && text.contains("#EXT-X-ENDLIST");
        }));
    }

    private static MediaPlaylistView playlist(Stream s, String rendition) {
        return MediaPlaylistView.parse(PublicHttp.text(s.key(rendition + "/index.m3u8")));
    }

    private static long tfdt(byte[] segment) {
        BoxTree.Node tfdt = BoxTree.parse(segment).stream().filter(n -> n.type().equals("moof")).findFirst()
                .orElseThrow().find("traf/tfdt");
        return (tfdt.u32(0) >>> 24) == 1 ? tfdt.u64(4) : tfdt.u32(4);
    }

    /** Every rendition lists every GOP once, in order, on the same numbers and times, without discontinuity. */
    private static void assertAlignedAndGapless(Stream s, int gops) throws Exception {
        ObjectStore objects = HandWiredTranscoder.objectStore();
        MediaPlaylistView source = playlist(s, "source");
        for (String rendition : ALL) {
            MediaPlaylistView p = playlist(s, rendition);
            assertEquals(s.expectedUris(gops), p.uris(), rendition);
            assertEquals(0, p.mediaSequence(), rendition);
            assertEquals(0, p.discontinuities(), rendition);
            assertTrue(p.ended(), rendition);
        }
        for (String rendition : VIDEO) {
            MediaPlaylistView p = playlist(s, rendition);
            assertEquals(source.segments().stream().map(MediaPlaylistView.Segment::seconds).toList(),
                    p.segments().stream().map(MediaPlaylistView.Segment::seconds).toList(), rendition + " EXTINF");
            assertEquals(source.segments().stream().map(MediaPlaylistView.Segment::programDateTime).toList(),
                    p.segments().stream().map(MediaPlaylistView.Segment::programDateTime).toList(), rendition);
            for (String uri : p.uris()) {
                assertEquals(tfdt(objects.get(s.key("source/" + uri)).orElseThrow()),
                        tfdt(objects.get(s.key(rendition + "/" + uri)).orElseThrow()), rendition + " " + uri + " tfdt");
            }
            assertEquals(30 * gops, Probe.frames(PublicHttp.url(s.key(rendition + "/index.m3u8")), "v"), rendition);
        }
        String mpd = PublicHttp.text(s.key("manifest.mpd"));
        assertEquals(1, mpd.split("<Period ", -1).length - 1, mpd);
        assertEquals(30 * gops, Probe.frames(PublicHttp.url(s.key("manifest.mpd")), "v"));
        assertEquals(30 * gops, Probe.frames(PublicHttp.url(s.key("master.m3u8")), "v"));
    }

    @Test
    void theMasterPlaylistAndTheMpdListTheRungsAlignedWithTheSource() throws Exception {
        Stream s = stream("ladder", 6);
        GopPublisher.publish(s.topic(), s.channel(), s.gops());
        try (HandWiredTranscoder worker = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE, LADDER)) {
            awaitEnd(s, ALL);
            committed(s, 6);
            assertEquals(6, Meters.sourcesListed(worker.registry()), "the source's latency, once per GOP");
            assertEquals(6, Meters.rungsListed(worker.registry()), "the rungs' latency, once per GOP");
            // the session ended: the channel leaves memory once its last record's rungs are stored, not only when
            // its partition is revoked
            Eventually.await("the ended channel dropped from memory",
                    () -> worker.registry().get("tributary.transcode.channels").gauge().value() == 0);
        }
        String master = PublicHttp.text(s.key("master.m3u8"));
        assertTrue(master.contains("#EXT-X-INDEPENDENT-SEGMENTS"), master);
        List<String> variants = master.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF:")).toList();
        assertEquals(3, variants.size(), master);
        assertTrue(variants.get(0).contains("RESOLUTION=640x360"), variants.get(0));
        assertTrue(variants.get(1).contains("RESOLUTION=426x240"), variants.get(1));
        assertTrue(variants.get(2).contains("RESOLUTION=320x180"), variants.get(2));
        for (String v : variants) {
            assertTrue(v.matches(".*CODECS=\"avc1\\.[0-9a-f]{6},mp4a\\.40\\.2\".*"), v);
            assertTrue(v.contains("AUDIO=\"audio\""), v);
            assertTrue(v.contains("FRAME-RATE=30"), v);
            assertTrue(v.matches(".*[:,]BANDWIDTH=[1-9][0-9]*.*") && v.contains("AVERAGE-BANDWIDTH="), v);
        }
        assertTrue(master.contains("240p/index.m3u8") && master.contains("180p/index.m3u8"), master);
        String mpd = PublicHttp.text(s.key("manifest.mpd"));
        assertEquals(2, mpd.split("<AdaptationSet", -1).length - 1, "the rungs are Representations of the video set");
        assertTrue(mpd.contains("id=\"240p\"") && mpd.contains("width=\"426\"") && mpd.contains("id=\"180p\""), mpd);
        assertAlignedAndGapless(s, 6);
        for (String rendition : ALL) {
            Probe.assertDecodesCleanly(PublicHttp.url(s.key(rendition + "/index.m3u8")));
        }
    }

    @Test
    void aReplayFromTheStartRewritesByteIdenticalRungsAndManifests() throws Exception {
        Stream s = stream("ladder-replay", 4);
        GopPublisher.publish(s.topic(), s.channel(), s.gops());
        ObjectStore objects = HandWiredTranscoder.objectStore();
        try (HandWiredTranscoder first = new HandWiredTranscoder(s.topic(), "first-" + s.group(), WINDOW, GRACE,
                LADDER)) {
            Eventually.await("every record acknowledged", () -> CommittedOffsets.onPartitionZero("first-" + s.group(),
                    s.topic()) == 4);
        }
        Map<String, byte[]> before = ChannelSnapshot.of(objects, s.channel());
        assertEquals(4 * (1 + 4 + 1) + 2, before.size(), "per rendition: an init, 4 segments, a playlist; master, MPD");
        before.keySet().forEach(objects::delete);
        objects.delete(OutputKeys.state(s.channel()));
        try (HandWiredTranscoder second = new HandWiredTranscoder(s.topic(), "second-" + s.group(), WINDOW, GRACE,
                LADDER)) {
            Eventually.await("every record acknowledged", () -> CommittedOffsets.onPartitionZero("second-" + s.group(),
                    s.topic()) == 4);
        }
        ChannelSnapshot.assertIdentical(before, ChannelSnapshot.of(objects, s.channel()));
    }

    @Test
    void aWorkerStoppedWithRungsInTheEncodersQueueLeavesNoGapAndNoDuplicateInAnyRendition() throws Exception {
        Stream s = stream("ladder-killed", 10);
        GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(0, 2));
        try (HandWiredTranscoder first = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE, LADDER)) {
            committed(s, 2);
        }
        // records 2 to 4: their source stored, their rungs still in the encoder's queue when the worker is killed
        // (made by a worker without the ladder), so their offsets were never committed
        GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(2, 5));
        // saved per record, as with the ladder: no wait for the age bound on records 2 to 4, which never end
        try (HandWiredTranscoder sourceOnly = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE,
                StateSaving.EVERY_RECORD)) {
            committed(s, 5);
        }
        assertEquals(2, playlist(s, "240p").uris().size(), "the rungs are behind the source");
        GopPublisher.rewind(s.group(), s.topic(), 2);
        GopPublisher.publish(s.topic(), s.channel(), s.gops().subList(5, 10));
        try (HandWiredTranscoder second = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE, LADDER)) {
            awaitEnd(s, ALL);
            committed(s, 10);
            assertEquals(3, Meters.skipped(second.registry(), TranscodeMetrics.REPLAYED), 0.0,
                    "the source skips what it stored; the ladder catches up on it");
        }
        assertAlignedAndGapless(s, 10);
    }

    @Test
    void aPassthroughOnlyChannelGetsItsSourceOnlyWhileTheOthersGetTheLadder() throws Exception {
        Stream s = stream("ladder-passthrough", 3);
        Map<String, String> rates = Map.of("240p", "400k");
        LadderSettings perChannel = new LadderSettings(true, new LadderPlanner(new Ladder(
                List.of(RungSpec.named("240p", rates)), null), Map.of(s.channel(), Ladder.passthroughOnly())),
                EncoderSettings.defaults(), new LagPolicy(4, 0.001, 64));
        GopPublisher.publish(s.topic(), s.channel(), s.gops());
        try (HandWiredTranscoder worker = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE, perChannel)) {
            awaitEnd(s, List.of("source", "audio"));
            committed(s, 3);
            assertEquals(0, worker.registry().get("tributary.transcode.ladder.encode").timer().count(),
                    "no ffmpeg for that channel");
        }
        String master = PublicHttp.text(s.key("master.m3u8"));
        assertEquals(1, master.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF:")).count(), master);
        assertNull(PublicHttp.text(s.key("240p/index.m3u8")), "no rung playlist for that channel");
    }

    @Test
    void aDroppedRungLeavesTheMasterPlaylistWithoutADiscontinuityInTheSource() throws Exception {
        Stream s = stream("ladder-drop", 6);
        // no machine encodes at a thousand times real time: the largest rung is dropped after two GOPs, then the next
        LadderSettings slow = ladder(new LagPolicy(2, 1000, 64));
        GopPublisher.publish(s.topic(), s.channel(), s.gops());
        try (HandWiredTranscoder worker = new HandWiredTranscoder(s.topic(), s.group(), WINDOW, GRACE, slow)) {
            awaitEnd(s, List.of("source", "audio"));
            committed(s, 6);
            assertTrue(worker.registry().get("tributary.transcode.ladder.renditions.dropped")
                    .tag("reason", LadderMetrics.SLOW).counter().count() >= 1);
        }
        String master = PublicHttp.text(s.key("master.m3u8"));
        assertFalse(master.contains("240p"), master);
        String dropped = PublicHttp.text(s.key("240p/index.m3u8"));
        assertNotNull(dropped, "the rung was listed before it was dropped");
        assertFalse(dropped.contains("#EXT-X-ENDLIST"), "a dropped rung's playlist stays as it was");
        assertFalse(PublicHttp.text(s.key("manifest.mpd")).contains("240p"));
        MediaPlaylistView source = playlist(s, "source");
        assertEquals(s.expectedUris(6), source.uris());
        assertEquals(0, source.discontinuities());
        assertEquals(1, PublicHttp.text(s.key("manifest.mpd")).split("<Period ", -1).length - 1);
        assertEquals(180, Probe.frames(PublicHttp.url(s.key("master.m3u8")), "v"));
    }
}
