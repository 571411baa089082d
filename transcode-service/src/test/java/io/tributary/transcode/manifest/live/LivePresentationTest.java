package io.tributary.transcode.manifest.live;

import static io.tributary.transcode.manifest.live.Gops.AUDIO;
import static io.tributary.transcode.manifest.live.Gops.T0;
import static io.tributary.transcode.manifest.live.Gops.VIDEO_1080;
import static io.tributary.transcode.manifest.live.Gops.WINDOW;
import static io.tributary.transcode.manifest.live.Gops.gop;
import static io.tributary.transcode.manifest.live.Gops.last;
import static io.tributary.transcode.manifest.live.Gops.only;
import static io.tributary.transcode.manifest.live.Gops.run;
import static io.tributary.transcode.manifest.live.Gops.withVideo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transcode.manifest.dash.DashSegment;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
import io.tributary.transcode.manifest.hls.HlsSegment;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LivePresentationTest {

    private static HlsMediaPlaylist playlist(LivePresentation p, String rendition) {
        return p.rendition(rendition).orElseThrow().playlist();
    }

    private static List<String> uris(LivePresentation p, String rendition) {
        return playlist(p, rendition).segments().stream().map(HlsSegment::uri).toList();
    }

    private static List<Long> numbers(PeriodState period, String rendition) {
        return period.tracks().stream().filter(t -> t.rendition().equals(rendition)).findFirst().orElseThrow()
                .segments().stream().map(DashSegment::number).toList();
    }

    @Test
    void theFirstGopAnchorsThePresentationAtItsWallClockStart() {
        LivePresentation p = LivePresentation.empty().apply(gop("A", 0, 1, Boundary.FRESH_START), WINDOW);

        assertEquals(T0.plusSeconds(1), p.availabilityStartTime());
        assertEquals(1, p.periods().size());
        PeriodState period = p.periods().get(0);
        assertEquals("A-0", period.id());
        assertEquals(0, period.startMillis());
        assertEquals(0, period.presentationTimeOffsetMillis());
        assertEquals(List.of("A-0.m4s"), uris(p, "source"));
        assertEquals(List.of("A-0.m4s"), uris(p, "audio"));
        assertEquals(T0.plusSeconds(1), playlist(p, "source").segments().get(0).programDateTime());
        assertEquals(1, playlist(p, "source").targetDuration());
        assertFalse(p.ended());
    }

    @Test
    void gopsOfASessionShareOnePeriodAndTheDashTimelineFollowsTheSlidingWindow() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 5, 0);

        assertEquals(List.of("A-3.m4s", "A-4.m4s", "A-5.m4s"), uris(p, "source"));
        assertEquals(3, playlist(p, "source").mediaSequence());
        assertEquals(1, p.periods().size());
        assertEquals(List.of(3L, 4L, 5L), numbers(p.periods().get(0), "source"));
        assertEquals(List.of(3L, 4L, 5L), numbers(p.periods().get(0), "audio"));
        assertEquals(Set.of("A-3.m4s", "A-4.m4s", "A-5.m4s"), p.listedSegments().get("audio"));
        assertEquals(T0.plusSeconds(1 + 5), playlist(p, "source").segments().get(2).programDateTime(),
                "program date-time follows media time from the presentation's anchor");
    }

    @Test
    void aGopAppliedAgainChangesNothing() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 2, 0);
        assertEquals(p, p.apply(gop("A", 2, 3, Boundary.NONE), WINDOW));
        assertEquals(p, p.apply(gop("A", 1, 2, Boundary.NONE), WINDOW));
    }

    @Test
    void aNewSessionWhileLiveContinuesThePlaylistsWithADiscontinuityAndANewPeriod() {
        LivePresentation a = run(LivePresentation.empty(), "A", 0, 2, 0);
        // B starts at its own media time 0; its first GOP began 10 s after T0
        LivePresentation p = a.apply(gop("B", 0, 10, Boundary.NEW_SESSION), WINDOW);

        assertEquals(List.of("A-1.m4s", "A-2.m4s", "B-0.m4s"), uris(p, "source"));
        HlsSegment b0 = playlist(p, "source").segments().get(2);
        assertTrue(b0.discontinuity());
        assertTrue(playlist(p, "audio").segments().get(2).discontinuity());
        assertEquals(2, p.periods().size());
        PeriodState period = p.periods().get(1);
        assertEquals("B-0", period.id());
        assertEquals(9000, period.startMillis(), "9 s after the anchor, A's first GOP at T0 + 1 s");
        assertEquals(0, period.presentationTimeOffsetMillis());
        assertEquals(T0.plusSeconds(10), b0.programDateTime());
        assertEquals(a.availabilityStartTime(), p.availabilityStartTime(), "the same MPD goes on");
    }

    @Test
    void aNewSessionNeverStartsBeforeThePreviousPeriodEnds() {
        LivePresentation a = run(LivePresentation.empty(), "A", 0, 2, 0);
        // a clock behind the previous ingest's: B would start inside A's media
        LivePresentation p = a.apply(gop("B", 0, 1, Boundary.NEW_SESSION), WINDOW);
        assertEquals(3000, p.periods().get(1).startMillis(), "A's 3 s of media, from the anchor");
    }

    @Test
    void aFormatChangeStartsAPeriodOnTheSameMediaTimelineWithItsOwnInitSegment() {
        LivePresentation a = run(LivePresentation.empty(), "A", 0, 2, 0);
        LivePresentation p = a.apply(withVideo(gop("A", 3, 4, Boundary.FORMAT_CHANGE), VIDEO_1080), WINDOW);

        PeriodState period = p.periods().get(1);
        assertEquals(3000, period.startMillis(), "media time goes on: 3 s after the first Period's start");
        assertEquals(3000, period.presentationTimeOffsetMillis());
        HlsSegment changed = playlist(p, "source").segments().get(2);
        assertTrue(changed.discontinuity());
        assertEquals(VIDEO_1080.initUri(), changed.mapUri());
        assertEquals(Gops.VIDEO.initUri(), playlist(p, "source").segments().get(1).mapUri(),
                "segments still in the window keep their own init segment");
        assertEquals(VIDEO_1080, p.rendition("source").orElseThrow().facts());
        assertTrue(playlist(p, "source").render().contains("#EXT-X-MAP:URI=\"" + VIDEO_1080.initUri() + "\""));
    }

    @Test
    void theLastGopEndsEveryPlaylist() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 1, 0).apply(last(gop("A", 2, 3, Boundary.NONE)),
                WINDOW);
        assertTrue(p.ended());
        assertTrue(playlist(p, "source").ended());
        assertTrue(playlist(p, "audio").ended());
        assertThrows(IllegalStateException.class, () -> p.apply(gop("A", 3, 4, Boundary.NONE), WINDOW),
                "only a fresh start follows an ended presentation");
    }

    @Test
    void aFreshStartAfterAnEndedSessionContinuesTheNumberingAndAnchorsANewPresentation() {
        LivePresentation ended = run(LivePresentation.empty(), "A", 0, 2, 0).end();
        LivePresentation p = ended.apply(gop("B", 0, 60, Boundary.FRESH_START), WINDOW);

        assertEquals(T0.plusSeconds(60), p.availabilityStartTime());
        assertEquals(List.of("B-0.m4s"), uris(p, "source"));
        assertEquals(3, playlist(p, "source").mediaSequence(), "A-0..A-2 count as gone");
        assertEquals(1, playlist(p, "source").discontinuitySequence(), "the session boundary counts as gone too");
        assertFalse(playlist(p, "source").segments().get(0).discontinuity(), "nothing precedes it in the window");
        assertFalse(playlist(p, "source").ended());
        assertEquals(1, p.periods().size());
        assertEquals(0, p.periods().get(0).startMillis());
        assertEquals(Set.of("B-0.m4s"), p.listedSegments().get("source"));
    }

    @Test
    void aRenditionWithoutSegmentAtABoundaryMarksItsNextOne() {
        LivePresentation a = run(LivePresentation.empty(), "A", 0, 2, 0);
        LivePresentation p = a.apply(only(gop("B", 0, 10, Boundary.NEW_SESSION), "source"), WINDOW)
                .apply(gop("B", 1, 11, Boundary.NONE), WINDOW);

        List<HlsSegment> audio = playlist(p, "audio").segments();
        assertEquals("B-1.m4s", audio.get(audio.size() - 1).uri());
        assertTrue(audio.get(audio.size() - 1).discontinuity());
        assertFalse(playlist(p, "source").segments().get(2).discontinuity(), "B-1 follows B-0 in the video");
    }

    @Test
    void aHoleInATrackRestartsItsDashTimelineAtTheNextSegment() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 1, 0)
                .apply(only(gop("A", 2, 3, Boundary.NONE), "source"), WINDOW)
                .apply(gop("A", 3, 4, Boundary.NONE), WINDOW);

        assertEquals(List.of(1L, 2L, 3L), numbers(p.periods().get(0), "source"));
        assertEquals(List.of(3L), numbers(p.periods().get(0), "audio"), "$Number$ cannot skip 2");
    }

    @Test
    void aRecoveredPresentationIsContinuedByAFreshStart() {
        HlsMediaPlaylist stored = HlsMediaPlaylist.live(WINDOW, 1);
        for (int i = 40; i < 43; i++) {
            stored = stored.append(HlsSegment.of("OLD-" + i + ".m4s", Duration.ofSeconds(1), T0, "init.mp4"));
        }
        LivePresentation recovered = LivePresentation.recovered(List.of(RenditionState.recovered("source", stored)));
        LivePresentation p = recovered.apply(gop("C", 0, 100, Boundary.FRESH_START), WINDOW);

        assertEquals(stored.mediaSequence() + 3, playlist(p, "source").mediaSequence());
        assertEquals(List.of("C-0.m4s"), uris(p, "source"));
        assertEquals(List.of("C-0.m4s"), uris(p, "audio"));
        assertEquals(AUDIO, p.rendition("audio").orElseThrow().facts());
    }
}
