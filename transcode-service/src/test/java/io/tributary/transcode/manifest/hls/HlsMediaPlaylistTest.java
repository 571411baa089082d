package io.tributary.transcode.manifest.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HlsMediaPlaylistTest {
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void writesALivePlaylist() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(6, 2);
        for (int i = 0; i < 3; i++) {
            p = p.append(segment("S-" + i + ".m4s", 2000, T0.plusSeconds(2L * i)));
        }
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-DISCONTINUITY-SEQUENCE:0
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-PROGRAM-DATE-TIME:2025-03-01T12:00:00.000Z
                #EXTINF:2.000,
                S-0.m4s
                #EXT-X-PROGRAM-DATE-TIME:2025-03-01T12:00:02.000Z
                #EXTINF:2.000,
                S-1.m4s
                #EXT-X-PROGRAM-DATE-TIME:2025-03-01T12:00:04.000Z
                #EXTINF:2.000,
                S-2.m4s
                """, p.render());
    }

    @Test
    void slidesTheWindowMarksTheNextSessionAndEnds() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(3, 2);
        for (int i = 0; i < 3; i++) {
            p = p.append(segment("S-" + i + ".m4s", 2000, T0.plusSeconds(2L * i)));
        }
        Instant next = T0.plusSeconds(600);
        p = p.append(new HlsSegment("B-0.m4s", Duration.ofSeconds(2), next, "init-b.mp4", true, true));
        p = p.append(new HlsSegment("B-1.m4s", Duration.ofSeconds(2), next.plusSeconds(2), "init-b.mp4", false, true));
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:2
                #EXT-X-DISCONTINUITY-SEQUENCE:0
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-PROGRAM-DATE-TIME:2025-03-01T12:00:04.000Z
                #EXTINF:2.000,
                S-2.m4s
                #EXT-X-DISCONTINUITY
                #EXT-X-MAP:URI="init-b.mp4"
                #EXT-X-PROGRAM-DATE-TIME:2025-03-01T12:10:00.000Z
                #EXTINF:2.000,
                B-0.m4s
                #EXT-X-PROGRAM-DATE-TIME:2025-03-01T12:10:02.000Z
                #EXTINF:2.000,
                B-1.m4s
                #EXT-X-ENDLIST
                """, p.end().render());
    }

    @Test
    void discontinuitySequenceCountsTheDiscontinuitiesThatLeftTheWindow() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(3, 2);
        p = p.append(segment("a.m4s", 2000, T0));
        p = p.append(segment("b.m4s", 2000, T0).withDiscontinuity());
        for (int i = 0; i < 3; i++) {
            p = p.append(segment(i + ".m4s", 2000, T0));
        }
        assertEquals(2, p.mediaSequence());
        assertEquals(1, p.discontinuitySequence());
        assertFalse(p.render().contains("#EXT-X-DISCONTINUITY\n"));
    }

    @Test
    void keepsThreeTargetDurationsEvenWhenTheWindowIsSmaller() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(1, 2);
        for (int i = 0; i < 5; i++) {
            p = p.append(segment(i + ".m4s", 2000, T0));
        }
        assertEquals(3, p.segments().size(), "RFC 8216 §6.2.2: at least 3 x target duration stays listed");
        assertEquals(2, p.mediaSequence());
    }

    @Test
    void targetDurationGrowsForALongSegmentAndNeverShrinks() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(6, 2).append(segment("long.m4s", 2500, T0));
        assertEquals(3, p.targetDuration(), "2.5 rounds to 3 (RFC 8216 §4.3.3.1: nearest integer)");
        for (int i = 0; i < 10; i++) {
            p = p.append(segment(i + ".m4s", 2000, T0));
        }
        assertEquals(3, p.targetDuration());
        assertTrue(p.render().contains("#EXT-X-TARGETDURATION:3\n"));
    }

    @Test
    void aSegmentAFewMillisecondsLongerKeepsTheTargetDuration() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(6, 2).append(segment("late.m4s", 2010, T0))
                .append(segment("later.m4s", 2499, T0));
        assertEquals(2, p.targetDuration(), "2.010 and 2.499 round to 2: no change of target mid-stream (§6.2.1)");
    }

    @Test
    void aSuccessorContinuesTheNumberingWithAnEmptyWindow() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(2, 1);
        for (int i = 0; i < 5; i++) {
            HlsSegment s = segment(i + ".m4s", 1000, T0);
            p = p.append(i == 3 ? s.withDiscontinuity() : s);
        }
        // window [3 (discontinuity), 4] from media sequence 3, discontinuity sequence 0
        HlsMediaPlaylist next = p.end().successor();

        assertEquals(List.of(), next.segments());
        assertFalse(next.ended());
        assertEquals(5, next.mediaSequence(), "3 + the 2 segments that leave");
        assertEquals(2, next.discontinuitySequence(), "0 + the one in the window + the session boundary");
        assertEquals(1, next.targetDuration());
    }

    @Test
    void listsTellsWhetherTheWindowNamesAUri() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(6, 1).append(segment("a.m4s", 1000, T0));
        assertTrue(p.lists("a.m4s"));
        assertFalse(p.lists("b.m4s"));
    }

    @Test
    void extinfHasThreeDecimalsRoundedHalfUp() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(6, 2)
                .append(new HlsSegment("a.m4s", Duration.ofNanos(1_999_500_000), T0, "init.mp4", false, true))
                .append(new HlsSegment("b.m4s", Duration.ofNanos(1_023_219_954), T0, "init.mp4", false, true));
        assertTrue(p.render().contains("#EXTINF:2.000,\na.m4s\n"));
        assertTrue(p.render().contains("#EXTINF:1.023,\nb.m4s\n"));
    }

    @Test
    void everyRoundedSegmentDurationFitsTheTargetDuration() {
        Random random = new Random(8216);
        HlsMediaPlaylist p = HlsMediaPlaylist.live(6, 1);
        for (int i = 0; i < 500; i++) {
            p = p.append(segment(i + ".m4s", 500 + random.nextInt(6000), T0));
            String text = p.render();
            int target = Integer.parseInt(text.lines().filter(l -> l.startsWith("#EXT-X-TARGETDURATION:"))
                    .findFirst().orElseThrow().substring(22));
            text.lines().filter(l -> l.startsWith("#EXTINF:")).forEach(l -> {
                BigDecimal seconds = new BigDecimal(l.substring(8, l.length() - 1));
                assertTrue(seconds.setScale(0, RoundingMode.HALF_UP).intValue() <= target, l + " > " + target);
            });
        }
    }

    @Test
    void reportsTheSegmentsThatLeftTheWindow() {
        HlsMediaPlaylist before = HlsMediaPlaylist.live(3, 2);
        for (int i = 0; i < 3; i++) {
            before = before.append(segment(i + ".m4s", 2000, T0));
        }
        HlsMediaPlaylist after = before.append(segment("3.m4s", 2000, T0)).append(segment("4.m4s", 2000, T0));
        assertEquals(List.of("0.m4s", "1.m4s"), after.droppedSince(before).stream().map(HlsSegment::uri).toList());
        assertEquals(List.of(), before.droppedSince(before));
    }

    @Test
    void omitsIndependentSegmentsWhenASegmentDoesNotStartWithAKeyframe() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(6, 2).append(
                new HlsSegment("a.m4s", Duration.ofSeconds(2), T0, "init.mp4", false, false));
        assertFalse(p.render().contains("INDEPENDENT"));
    }

    @Test
    void refusesSegmentsAfterTheEnd() {
        HlsMediaPlaylist ended = HlsMediaPlaylist.live(6, 2).append(segment("a.m4s", 2000, T0)).end();
        assertThrows(IllegalStateException.class, () -> ended.append(segment("b.m4s", 2000, T0)));
        assertThrows(IllegalArgumentException.class, () -> segment("bad\n.m4s", 2000, T0));
    }

    private static HlsSegment segment(String uri, long millis, Instant at) {
        return HlsSegment.of(uri, Duration.ofMillis(millis), at, "init.mp4");
    }
}
