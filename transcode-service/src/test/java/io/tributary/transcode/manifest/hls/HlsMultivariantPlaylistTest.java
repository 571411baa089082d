package io.tributary.transcode.manifest.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.transcode.manifest.FrameRate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HlsMultivariantPlaylistTest {
    private static final HlsAudioRendition AUDIO = new HlsAudioRendition(
            "audio", "audio", "audio/index.m3u8", "mp4a.40.2", "en", 2, 128_000, 128_000, true);

    @Test
    void listsTheAudioGroupAndEachVariantWithAudioIncluded() {
        HlsMultivariantPlaylist p = new HlsMultivariantPlaylist(List.of(
                new HlsVariant("source/index.m3u8", 3_000_000, 2_500_000, "avc1.64001f", 1280, 720,
                        FrameRate.of(30), "audio"),
                new HlsVariant("480p/index.m3u8", 1_200_000, 1_000_000, "avc1.4d401e", 854, 480,
                        new FrameRate(30_000, 1001), "audio")),
                List.of(AUDIO));
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,\
                CHANNELS="2",URI="audio/index.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=3128000,AVERAGE-BANDWIDTH=2628000,CODECS="avc1.64001f,mp4a.40.2",\
                RESOLUTION=1280x720,FRAME-RATE=30.000,AUDIO="audio"
                source/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1328000,AVERAGE-BANDWIDTH=1128000,CODECS="avc1.4d401e,mp4a.40.2",\
                RESOLUTION=854x480,FRAME-RATE=29.970,AUDIO="audio"
                480p/index.m3u8
                """, p.render());
    }

    @Test
    void videoOnlyStreamHasNoAudioGroup() {
        HlsMultivariantPlaylist p = new HlsMultivariantPlaylist(List.of(
                new HlsVariant("source/index.m3u8", 900_000, 0, "avc1.42c01e", 640, 360, null, null)), List.of());
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=900000,CODECS="avc1.42c01e",RESOLUTION=640x360
                source/index.m3u8
                """, p.render());
    }

    @Test
    void rejectsAVariantNamingAnUnknownAudioGroup() {
        HlsVariant v = new HlsVariant("source/index.m3u8", 1, 1, "avc1.64001f", 1280, 720, null, "other");
        assertThrows(IllegalArgumentException.class, () -> new HlsMultivariantPlaylist(List.of(v), List.of(AUDIO)));
    }
}
