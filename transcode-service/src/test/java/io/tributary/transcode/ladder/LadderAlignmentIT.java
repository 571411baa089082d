package io.tributary.transcode.ladder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopRecordReader;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.cmaf.CmafSegment;
import io.tributary.transcode.cmaf.GopPackager;
import io.tributary.transcode.cmaf.TrackSegment;
import io.tributary.transcode.cmaf.VideoFormat;
import io.tributary.transcode.manifest.FrameRate;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.manifest.live.GopSegments;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.manifest.live.PresentationManifests;
import io.tributary.transcode.manifest.live.RenditionSegment;
import io.tributary.transcode.manifest.live.SegmentNames;
import io.tributary.transcode.manifest.live.TrackFacts;
import java.time.Instant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3 s 640x360 30 fps clip with 1 s GOPs, split into GOP records as the ingest makes them, packaged GOP by GOP: the
 * source rendition as the worker does it, and two rungs (240p, 180p) through the ladder's public API with the
 * bundled ffmpeg. Every rung must line up with the source segment for segment and frame for frame.
 */
class LadderAlignmentIT {
    static final String CHANNEL = "ladder-it";
    static final int GOPS = 3;
    static final int FRAMES = 90;

    @TempDir
    static Path dir;
    static LadderPackager ladder;
    static final List<TrackSegment> source = new ArrayList<>();
    static final Map<String, List<RungSegment>> rungs = new LinkedHashMap<>();

    /** 240p and 180p rungs below a 360p source; never dropped for speed on a loaded test machine. */
    static LadderSettings settings(Watermark watermark) {
        Map<String, String> rates = Map.of("240p", "400k", "180p", "200k");
        Ladder ladder = new Ladder(List.of(RungSpec.named("240p", rates), RungSpec.named("180p", rates)), watermark);
        return new LadderSettings(true, new LadderPlanner(ladder, Map.of()), EncoderSettings.defaults(),
                new LagPolicy(4, 0.001, 16));
    }

    @BeforeAll
    static void packageAClip() throws Exception {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(3), 640, 360, 30, 30);
        ladder = new LadderPackager(settings(null), LadderProbe.FFMPEG, new SimpleMeterRegistry());
        for (TestGops.TestGop gop : TestGops.split(clip, "01LADDERALIGNMENT")) {
            GopContent content = GopRecordReader.read(gop.value());
            // the source as the worker packages it (the session's last record ends one frame after its last)
            OptionalLong end = LadderJob.declaredEnd(gop.metadata());
            GopPackager.pack(content, gop.metadata().sequence(), end).stream().filter(TrackSegment::isVideo)
                    .forEach(source::add);
            LadderGop result = ladder.submit(LadderJob.of(CHANNEL, gop.metadata(), content)).toCompletableFuture()
                    .get(120, TimeUnit.SECONDS);
            assertFalse(result.allDropped(), "dropped: " + result.dropped());
            result.segments().forEach(s -> rungs.computeIfAbsent(s.rendition(), r -> new ArrayList<>()).add(s));
        }
    }

    @AfterAll
    static void close() {
        ladder.close();
    }

    private static List<CmafSegment> segments(List<RungSegment> rung) {
        return rung.stream().map(s -> s.track().segment()).toList();
    }

    private static List<CmafSegment> sourceSegments() {
        return source.stream().map(TrackSegment::segment).toList();
    }

    @Test
    void everyRungHasTheSourcesSegmentsWithTheSameNumbers() {
        assertEquals(GOPS, source.size());
        assertEquals(List.of("240p", "180p"), List.copyOf(rungs.keySet()));
        for (List<RungSegment> rung : rungs.values()) {
            assertEquals(sourceSegments().stream().map(CmafSegment::sequenceNumber).toList(),
                    segments(rung).stream().map(CmafSegment::sequenceNumber).toList());
        }
    }

    @Test
    void everySegmentStartsAndLastsAsTheSourcesWithAsManyFrames() {
        for (Map.Entry<String, List<RungSegment>> rung : rungs.entrySet()) {
            for (int i = 0; i < GOPS; i++) {
                CmafSegment s = sourceSegments().get(i);
                CmafSegment r = segments(rung.getValue()).get(i);
                String what = rung.getKey() + " segment " + i;
                assertEquals(s.timescale(), r.timescale(), what);
                assertEquals(s.baseMediaDecodeTime(), r.baseMediaDecodeTime(), what + " tfdt");
                assertEquals(s.duration(), r.duration(), what + " duration");
                assertEquals(s.sampleCount(), r.sampleCount(), what + " frames");
                assertTrue(r.independent(), what + " starts with a sync sample");
            }
        }
    }

    @Test
    void ffprobeSeesH264AtEachRungsSizeWithEveryFrame() throws Exception {
        Map<String, int[]> sizes = Map.of("240p", new int[] {426, 240}, "180p", new int[] {320, 180});
        for (Map.Entry<String, List<RungSegment>> rung : rungs.entrySet()) {
            Path file = LadderProbe.write(dir.resolve(rung.getKey() + ".mp4"),
                    rung.getValue().get(0).track().format(), segments(rung.getValue()));
            JsonNode stream = LadderProbe.videoStream(file);
            assertEquals("h264", stream.get("codec_name").asText());
            assertEquals(sizes.get(rung.getKey())[0], stream.get("width").asInt(), rung.getKey());
            assertEquals(sizes.get(rung.getKey())[1], stream.get("height").asInt(), rung.getKey());
            assertEquals(FRAMES, stream.get("nb_read_frames").asInt(), rung.getKey());
            LadderProbe.assertDecodesCleanly(file);
        }
    }

    @Test
    void everyFrameDecodesAndShowsAtTheSourcesTimes() throws Exception {
        Path sourceFile = LadderProbe.write(dir.resolve("source.mp4"), source.get(0).format(), sourceSegments());
        List<long[]> sourcePackets = LadderProbe.packets(sourceFile);
        List<Long> sourceDts = sourcePackets.stream().map(p -> p[0]).toList();
        List<Long> sourcePts = sourcePackets.stream().map(p -> p[1]).sorted().toList();
        for (Map.Entry<String, List<RungSegment>> rung : rungs.entrySet()) {
            Path file = LadderProbe.write(dir.resolve(rung.getKey() + "-times.mp4"),
                    rung.getValue().get(0).track().format(), segments(rung.getValue()));
            List<long[]> packets = LadderProbe.packets(file);
            assertEquals(sourceDts, packets.stream().map(p -> p[0]).toList(), rung.getKey() + " decode times");
            assertEquals(sourcePts, packets.stream().map(p -> p[1]).toList(), rung.getKey() + " presentation times");
        }
    }

    @Test
    void theManifestsListEveryRungWithItsSizeCodecsAndMeasuredBandwidth() {
        LivePresentation p = LivePresentation.empty();
        Instant wallClock = Instant.parse("2026-01-01T12:00:00Z");
        for (int i = 0; i < GOPS; i++) {
            List<RenditionSegment> entries = new ArrayList<>();
            entries.add(entry("source", source.get(i)));
            for (Map.Entry<String, List<RungSegment>> rung : rungs.entrySet()) {
                entries.add(entry(rung.getKey(), rung.getValue().get(i).track()));
            }
            CmafSegment s = source.get(i).segment();
            p = p.apply(new GopSegments("01LADDERALIGNMENT", i, s.baseMediaDecodeTime() / 90, wallClock,
                    i == 0 ? Boundary.FRESH_START : Boundary.NONE, false, entries), 6);
        }
        String master = PresentationManifests.multivariant(p).orElseThrow();
        List<String> variants = master.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF")).toList();
        assertEquals(3, variants.size(), master);
        assertTrue(variants.get(1).contains("RESOLUTION=426x240") && variants.get(1).contains("CODECS=\"avc1.64"),
                variants.get(1));
        assertTrue(variants.get(2).contains("RESOLUTION=320x180") && variants.get(2).contains("FRAME-RATE=30.000"),
                variants.get(2));
        long bandwidth240 = Long.parseLong(variants.get(1).replaceAll(".*BANDWIDTH=(\\d+).*", "$1"));
        long bandwidth180 = Long.parseLong(variants.get(2).replaceAll(".*BANDWIDTH=(\\d+).*", "$1"));
        assertTrue(bandwidth240 > bandwidth180 && bandwidth180 > 50_000, bandwidth240 + " " + bandwidth180);
        String mpd = PresentationManifests.mpd(p, wallClock.plusSeconds(3), 6).orElseThrow();
        assertTrue(mpd.contains("id=\"240p\"") && mpd.contains("width=\"426\""), mpd);
        assertTrue(mpd.contains("id=\"180p\"") && mpd.contains("height=\"180\""), mpd);
    }

    /** A rung's manifest entry, as the worker makes the source's. */
    private static RenditionSegment entry(String rendition, TrackSegment t) {
        VideoFormat v = (VideoFormat) t.format();
        CmafSegment s = t.segment();
        FrameRate rate = FrameRate.approximate(s.sampleCount() * (double) s.timescale() / s.duration());
        TrackFacts facts = TrackFacts.video(v.codecString(), v.timescale(), v.width(), v.height(), rate,
                "init-" + rendition + ".mp4");
        return new RenditionSegment(rendition, facts, SegmentNames.media("01LADDERALIGNMENT", s.sequenceNumber()),
                s.sequenceNumber(), s.baseMediaDecodeTime(), s.duration(), s.bytes().length, s.independent());
    }

    @Test
    void aContinuationRecordIsEncodedAfterTheRecordItContinues() throws Exception {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(3), 640, 360, 30, 30);
        GopContent whole = GopRecordReader.read(TestGops.split(clip, "01LADDERCONT").get(1).value());
        int cut = 0;
        int frames = 0;
        while (frames < 15) {
            if (whole.tags().get(cut++) instanceof VideoTag) {
                frames++;
            }
        }
        GopContent first = new GopContent(whole.onMetaData(), whole.videoSequenceHeader(),
                whole.audioSequenceHeader(), whole.tags().subList(0, cut));
        GopContent continued = new GopContent(whole.onMetaData(), whole.videoSequenceHeader(),
                whole.audioSequenceHeader(), whole.tags().subList(cut, whole.tags().size()));
        long cutMillis = whole.tags().subList(cut, whole.tags().size()).stream()
                .filter(t -> t instanceof VideoTag).findFirst().orElseThrow().timestamp();
        OptionalLong end = OptionalLong.of(2000);
        TrackSegment sourceContinued = GopPackager.pack(continued, 1, end).get(0);
        assertFalse(sourceContinued.segment().independent(), "the source's continuation has no keyframe");

        try (LadderPackager own = new LadderPackager(settings(null), LadderProbe.FFMPEG, new SimpleMeterRegistry())) {
            own.submit(new LadderJob(CHANNEL, "01LADDERCONT", 0, first, OptionalLong.of(cutMillis), false));
            LadderGop result = own.submit(new LadderJob(CHANNEL, "01LADDERCONT", 1, continued, end, false))
                    .toCompletableFuture().get(120, TimeUnit.SECONDS);
            assertFalse(result.allDropped(), "dropped: " + result.dropped());
            for (RungSegment rung : result.segments()) {
                CmafSegment r = rung.track().segment();
                CmafSegment s = sourceContinued.segment();
                assertEquals(s.baseMediaDecodeTime(), r.baseMediaDecodeTime(), rung.rendition());
                assertEquals(s.duration(), r.duration(), rung.rendition());
                assertEquals(s.sampleCount(), r.sampleCount(), rung.rendition());
                assertTrue(r.independent(), "a rung's continuation starts with its own keyframe");
                Path file = LadderProbe.write(dir.resolve(rung.rendition() + "-continued.mp4"),
                        rung.track().format(), List.of(r));
                assertEquals(s.sampleCount(), LadderProbe.videoStream(file).get("nb_read_frames").asInt());
                LadderProbe.assertDecodesCleanly(file);
            }
            assertEquals(2, result.segments().size());
        }
    }

    @Test
    void aReplayedGopGivesByteIdenticalSegments() throws Exception {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(3), 640, 360, 30, 30);
        TestGops.TestGop gop = TestGops.split(clip, "01LADDERALIGNMENT").get(1);
        LadderJob job = LadderJob.of(CHANNEL, gop.metadata(), GopRecordReader.read(gop.value()));
        GopLadder ladder = new GopLadder(settings(null).planner(),
                new RungEncoder(LadderProbe.FFMPEG, EncoderSettings.defaults()));
        EncodedGop again = ladder.encode(job, List.of(), Set.of());
        for (RungSegment s : again.segments()) {
            RungSegment first = rungs.get(s.rendition()).get(1);
            assertArrayEquals(first.track().segment().bytes(), s.track().segment().bytes(), s.rendition());
            assertArrayEquals(first.initSegment(), s.initSegment(), s.rendition());
        }
    }

    @Test
    void aRungsCodecIsHighProfileH264() {
        for (List<RungSegment> rung : rungs.values()) {
            assertTrue(rung.get(0).track().format().codecString().startsWith("avc1.64"),
                    rung.get(0).track().format().codecString());
        }
    }
}
