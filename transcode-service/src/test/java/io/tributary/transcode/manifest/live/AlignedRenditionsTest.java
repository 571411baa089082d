package io.tributary.transcode.manifest.live;

import static io.tributary.transcode.manifest.live.Gops.WINDOW;
import static io.tributary.transcode.manifest.live.Gops.gop;
import static io.tributary.transcode.manifest.live.Gops.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transcode.manifest.FrameRate;
import io.tributary.transcode.manifest.dash.DashSegment;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
import io.tributary.transcode.manifest.hls.HlsSegment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 6: the ladder's rungs join the source's presentation after the source's segments are listed. */
class AlignedRenditionsTest {
    private static final TrackFacts RUNG = TrackFacts.video("avc1.64001e", 90_000, 854, 480, FrameRate.of(30),
            "init-0000000000000r48.mp4");

    private static RenditionSegment rung(String session, long seq) {
        return new RenditionSegment("480p", RUNG, SegmentNames.media(session, seq), seq, seq * 90_000, 90_000, 50_000,
                true);
    }

    private static LivePresentation withRungs(LivePresentation p, String session, long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            p = p.addAligned("source", List.of(rung(session, seq)), WINDOW);
        }
        return p;
    }

    private static HlsMediaPlaylist playlist(LivePresentation p, String rendition) {
        return p.rendition(rendition).orElseThrow().playlist();
    }

    private static List<String> uris(LivePresentation p, String rendition) {
        return playlist(p, rendition).segments().stream().map(HlsSegment::uri).toList();
    }

    private static List<Instant> times(LivePresentation p, String rendition) {
        return playlist(p, rendition).segments().stream().map(HlsSegment::programDateTime).toList();
    }

    @Test
    void aRungListedAfterTheSourceTakesTheSourcesNumbersAndTimesWithoutABoundary() {
        LivePresentation source = run(LivePresentation.empty(), "A", 0, 5, 0);
        LivePresentation p = withRungs(source, "A", 3, 5);

        assertEquals(uris(p, "source"), uris(p, "480p"));
        assertEquals(playlist(p, "source").mediaSequence(), playlist(p, "480p").mediaSequence());
        assertEquals(playlist(p, "source").discontinuitySequence(), playlist(p, "480p").discontinuitySequence());
        assertEquals(times(p, "source"), times(p, "480p"));
        assertEquals(playlist(source, "source"), playlist(p, "source"), "the source's playlist is untouched");
        assertFalse(playlist(p, "480p").render().contains("#EXT-X-DISCONTINUITY\n"));
        assertEquals(1, p.periods().size(), "a rung appearing starts no Period");
        PeriodTrack track = p.periods().get(0).tracks().stream().filter(t -> t.rendition().equals("480p"))
                .findFirst().orElseThrow();
        assertEquals(List.of(3L, 4L, 5L), track.segments().stream().map(DashSegment::number).toList());
    }

    @Test
    void theSourceGoingOnBeforeTheRungArrivesChangesNothingForTheRung() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 3, 0);
        p = withRungs(p, "A", 2, 2);
        p = p.apply(gop("A", 4, 5, Boundary.NONE), WINDOW).apply(gop("A", 5, 6, Boundary.NONE), WINDOW);
        p = withRungs(p, "A", 3, 5);

        assertEquals(uris(p, "source"), uris(p, "480p"));
        assertEquals(playlist(p, "source").mediaSequence(), playlist(p, "480p").mediaSequence());
    }

    @Test
    void aRungMirrorsTheSourcesDiscontinuityAfterATimestampBreak() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 2, 0);
        p = withRungs(p, "A", 0, 1);
        p = p.apply(gop("A", 3, 10, Boundary.TIMESTAMP_BREAK), WINDOW);
        p = withRungs(p, "A", 2, 3);

        List<Boolean> source = playlist(p, "source").segments().stream().map(HlsSegment::discontinuity).toList();
        List<Boolean> rung = playlist(p, "480p").segments().stream().map(HlsSegment::discontinuity).toList();
        assertEquals(source, rung);
        assertTrue(rung.contains(true));
        assertEquals(playlist(p, "source").discontinuitySequence(), playlist(p, "480p").discontinuitySequence());
    }

    @Test
    void aRungSegmentGivenAgainIsListedOnce() {
        LivePresentation p = withRungs(run(LivePresentation.empty(), "A", 0, 3, 0), "A", 1, 3);
        assertEquals(p, withRungs(p, "A", 2, 3));
    }

    @Test
    void aRungSegmentWhoseSourceLeftTheWindowIsNotListed() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 8, 0);
        assertFalse(playlist(p, "source").lists(SegmentNames.media("A", 0)));
        assertEquals(p, withRungs(p, "A", 0, 0));
    }

    @Test
    void aRemovedRungLeavesTheManifestsAndTheSourceAsItIs() {
        LivePresentation source = run(LivePresentation.empty(), "A", 0, 3, 0);
        LivePresentation p = withRungs(source, "A", 1, 3);
        assertTrue(PresentationManifests.multivariant(p).orElseThrow().contains("RESOLUTION=854x480"));

        LivePresentation without = p.without("480p");
        assertTrue(without.rendition("480p").isEmpty());
        assertEquals(source, without);
        assertFalse(PresentationManifests.multivariant(without).orElseThrow().contains("480p"));
        assertFalse(PresentationManifests.mpd(without, Instant.EPOCH, WINDOW).orElseThrow().contains("480p"));
    }

    @Test
    void everyVideoRenditionSharesTheAudioGroup() {
        LivePresentation p = withRungs(run(LivePresentation.empty(), "A", 0, 3, 0), "A", 0, 3);
        String master = PresentationManifests.multivariant(p).orElseThrow();
        List<String> variants = master.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF")).toList();
        assertEquals(2, variants.size(), master);
        variants.forEach(v -> assertTrue(v.contains("AUDIO=\"audio\"") && v.contains("mp4a.40.2"), v));
        assertTrue(variants.get(1).contains("CODECS=\"avc1.64001e,mp4a.40.2\""), variants.get(1));
        String mpd = PresentationManifests.mpd(p, Instant.EPOCH, WINDOW).orElseThrow();
        assertEquals(2, mpd.split("<AdaptationSet", -1).length - 1, "the rung is a Representation of the video set");
        assertTrue(mpd.contains("id=\"480p\""), mpd);
    }
}
