package io.tributary.transcode.manifest.live;

import static io.tributary.transcode.manifest.live.Gops.T0;
import static io.tributary.transcode.manifest.live.Gops.VIDEO_1080;
import static io.tributary.transcode.manifest.live.Gops.WINDOW;
import static io.tributary.transcode.manifest.live.Gops.gop;
import static io.tributary.transcode.manifest.live.Gops.only;
import static io.tributary.transcode.manifest.live.Gops.run;
import static io.tributary.transcode.manifest.live.Gops.withVideo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PresentationManifestsTest {
    private static final Instant NOW = T0.plusSeconds(30);

    @Test
    void theMultivariantPlaylistListsTheVideoWithTheSharedAudioGroup() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 2, 0);
        String master = PresentationManifests.multivariant(p).orElseThrow();

        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",\
                URI="audio/index.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=1128000,AVERAGE-BANDWIDTH=1128000,CODECS="avc1.64001f,mp4a.40.2",\
                RESOLUTION=1280x720,FRAME-RATE=30.000,AUDIO="audio"
                source/index.m3u8
                """, master);
    }

    @Test
    void bitRatesAreDeclaredRoundedUpToThreeSignificantDigits() {
        assertEquals(1_240_000, PresentationManifests.declared(1_234_567));
        assertEquals(1_230_000, PresentationManifests.declared(1_230_000));
        assertEquals(999, PresentationManifests.declared(999));
        assertEquals(128_000, PresentationManifests.declared(127_937));
        assertEquals(0, PresentationManifests.declared(0));
    }

    @Test
    void aStreamWithoutVideoListsItsAudioAsTheVariant() {
        LivePresentation p = LivePresentation.empty().apply(only(gop("A", 0, 1, Boundary.FRESH_START), "audio"),
                WINDOW);
        String master = PresentationManifests.multivariant(p).orElseThrow();
        assertTrue(master.contains("#EXT-X-STREAM-INF:BANDWIDTH=128000,AVERAGE-BANDWIDTH=128000,"
                + "CODECS=\"mp4a.40.2\"\naudio/index.m3u8\n"), master);
        assertFalse(master.contains("EXT-X-MEDIA"));
    }

    @Test
    void nothingIsWrittenBeforeTheFirstSegment() {
        assertTrue(PresentationManifests.multivariant(LivePresentation.empty()).isEmpty());
        assertTrue(PresentationManifests.mpd(LivePresentation.empty(), NOW, WINDOW).isEmpty());
    }

    @Test
    void theLiveMpdNamesEachRepresentationsOwnInitSegmentAndOneInstantAsOffset() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 2, 0)
                .apply(withVideo(gop("A", 3, 4, Boundary.FORMAT_CHANGE), VIDEO_1080), WINDOW);
        String mpd = PresentationManifests.mpd(p, NOW, WINDOW).orElseThrow();

        assertTrue(mpd.contains("type=\"dynamic\""), mpd);
        assertTrue(mpd.contains("availabilityStartTime=\"2025-03-01T12:00:01Z\""), mpd);
        assertTrue(mpd.contains("<Period id=\"A-0\" start=\"PT0S\">"), mpd);
        assertTrue(mpd.contains("<Period id=\"A-3\" start=\"PT3S\">"), mpd);
        assertTrue(mpd.contains("initialization=\"$RepresentationID$/" + Gops.VIDEO.initUri() + "\""), mpd);
        assertTrue(mpd.contains("initialization=\"$RepresentationID$/" + VIDEO_1080.initUri() + "\""), mpd);
        assertTrue(mpd.contains("media=\"$RepresentationID$/A-$Number$.m4s\""), mpd);
        // the second Period plays from media time 3 s: 270000 at 90 kHz and 144000 at 48 kHz, the same instant
        assertTrue(mpd.contains("timescale=\"90000\" presentationTimeOffset=\"270000\" startNumber=\"3\""), mpd);
        assertTrue(mpd.contains("timescale=\"48000\" presentationTimeOffset=\"144000\" startNumber=\"3\""), mpd);
        assertTrue(mpd.contains("startWithSAP=\"1\""), mpd);
        assertTrue(mpd.contains("<UTCTiming schemeIdUri=\"urn:mpeg:dash:utc:direct:2014\" "
                + "value=\"2025-03-01T12:00:30Z\"/>"), mpd);
    }

    @Test
    void theMpdTurnsStaticWhenThePresentationEnds() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 2, 0).end();
        String mpd = PresentationManifests.mpd(p, NOW, WINDOW).orElseThrow();
        assertTrue(mpd.contains("type=\"static\""), mpd);
        assertTrue(mpd.contains("mediaPresentationDuration=\"PT3S\""), mpd);
        assertFalse(mpd.contains("UTCTiming"), mpd);
    }

    @Test
    void aContinuationSegmentTakesStartWithSapAway() {
        LivePresentation p = run(LivePresentation.empty(), "A", 0, 1, 0);
        RenditionSegment continuation = new RenditionSegment("source", Gops.VIDEO, SegmentNames.media("A", 2), 2,
                180_000, 90_000, 50_000, false);
        p = p.apply(new GopSegments("A", 2, 2000, T0.plusSeconds(3), Boundary.NONE, false,
                java.util.List.of(continuation, Gops.audio("A", 2))), WINDOW);
        String mpd = PresentationManifests.mpd(p, NOW, WINDOW).orElseThrow();
        String videoSet = mpd.substring(mpd.indexOf("contentType=\"video\""), mpd.indexOf("contentType=\"audio\""));
        assertFalse(videoSet.contains("startWithSAP"), videoSet);
        assertTrue(mpd.substring(mpd.indexOf("contentType=\"audio\"")).contains("startWithSAP=\"1\""));
        assertFalse(p.rendition("source").orElseThrow().playlist().render().contains("EXT-X-INDEPENDENT-SEGMENTS"));
    }
}
