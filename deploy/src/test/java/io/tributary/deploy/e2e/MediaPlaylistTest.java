package io.tributary.deploy.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-to-end test's HLS checks, checked themselves: a checker that passes everything proves nothing. */
class MediaPlaylistTest {

    private static final String LIVE_CMAF = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:41
            #EXT-X-MAP:URI="init.mp4"
            #EXTINF:1.000,
            s-41.m4s
            #EXTINF:1.467,
            s-42.m4s
            """;

    @Test
    void readsALiveCmafPlaylistWithoutProblems() {
        MediaPlaylist playlist = MediaPlaylist.parse(LIVE_CMAF);

        assertEquals(List.of(), playlist.problems());
        assertEquals(7, playlist.version());
        assertEquals(2, playlist.targetDuration());
        assertEquals(41, playlist.mediaSequence());
        assertEquals("init.mp4", playlist.mapUri());
        assertEquals(List.of(new MediaPlaylist.Segment(1.0, "s-41.m4s"), new MediaPlaylist.Segment(1.467, "s-42.m4s")),
                playlist.segments());
        assertFalse(playlist.endList());
        assertTrue(MediaPlaylist.parse(LIVE_CMAF + "#EXT-X-ENDLIST\n").endList());
    }

    @Test
    void namesEachBrokenRule() {
        assertProblem(LIVE_CMAF.replace("#EXTINF:1.467,", "#EXTINF:2.5,"), "rounds above the target duration");
        assertProblem(LIVE_CMAF.replace("#EXT-X-TARGETDURATION:2\n", ""), "no EXT-X-TARGETDURATION");
        assertProblem(LIVE_CMAF.replace("#EXT-X-MEDIA-SEQUENCE:41\n", ""), "no EXT-X-MEDIA-SEQUENCE");
        assertProblem(LIVE_CMAF.replace("#EXT-X-MAP:URI=\"init.mp4\"\n", ""), "no EXT-X-MAP");
        assertProblem(LIVE_CMAF.replace("#EXT-X-VERSION:7", "#EXT-X-VERSION:3"), "needs EXT-X-VERSION 6");
        assertProblem(LIVE_CMAF.replace("#EXTM3U\n", ""), "first line is not #EXTM3U");
        assertProblem(LIVE_CMAF + "#EXTINF:1.0,\n", "the last EXTINF has no URI");
    }

    @Test
    void readsVariantsAndRenditionsOfAMultivariantPlaylist() {
        MultivariantPlaylist master = MultivariantPlaylist.parse("""
                #EXTM3U
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="audio",DEFAULT=YES,URI="audio/index.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=1200000,CODECS="avc1.64001e,mp4a.40.2",AUDIO="aac"
                source/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=600000,CODECS="avc1.4d401e,mp4a.40.2",AUDIO="aac"
                480p/index.m3u8
                """);

        assertEquals(List.of(), master.problems());
        assertEquals(List.of("source/index.m3u8", "480p/index.m3u8", "audio/index.m3u8"), master.mediaPlaylistUris());
        assertEquals("600000", master.variants().get(1).get("BANDWIDTH"));
        assertEquals("avc1.4d401e,mp4a.40.2", master.variants().get(1).get("CODECS"), "quotes removed");
        assertFalse(MultivariantPlaylist.parse("#EXTM3U\n#EXT-X-STREAM-INF:CODECS=\"x\"\na.m3u8\n").problems()
                .isEmpty());
        assertFalse(MultivariantPlaylist.parse("#EXTM3U\n").problems().isEmpty());
    }

    private static void assertProblem(String text, String expected) {
        List<String> problems = MediaPlaylist.parse(text).problems();
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(expected)),
                "expected a problem containing '" + expected + "', got " + problems);
    }
}
