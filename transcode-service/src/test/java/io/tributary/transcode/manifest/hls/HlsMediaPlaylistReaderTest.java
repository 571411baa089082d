package io.tributary.transcode.manifest.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HlsMediaPlaylistReaderTest {
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void readsBackWhatTheWriterWroteSoATakeoverContinuesTheSameNumbering() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(3, 2);
        for (int i = 0; i < 4; i++) {
            p = p.append(HlsSegment.of("A-" + i + ".m4s", Duration.ofMillis(2002), T0.plusMillis(2002L * i), "init.mp4"));
        }
        p = p.append(HlsSegment.of("B-0.m4s", Duration.ofMillis(1500), T0.plusSeconds(60), "init.mp4").withDiscontinuity());
        p = p.append(HlsSegment.of("B-1.m4s", Duration.ofMillis(2000), T0.plusSeconds(62), "init.mp4"));

        HlsMediaPlaylist read = HlsMediaPlaylistReader.read(p.render(), 3);
        assertEquals(p, read);
        HlsSegment next = HlsSegment.of("B-2.m4s", Duration.ofSeconds(2), T0.plusSeconds(64), "init.mp4");
        assertEquals(p.append(next).render(), read.append(next).render());
        assertEquals(p.end(), HlsMediaPlaylistReader.read(p.end().render(), 3));
    }

    @Test
    void rejectsWhatItDidNotWrite() {
        assertThrows(IllegalArgumentException.class, () -> HlsMediaPlaylistReader.read("", 6));
        assertThrows(IllegalArgumentException.class, () -> HlsMediaPlaylistReader.read("#EXTM3U\nseg.m4s\n", 6));
        assertThrows(IllegalArgumentException.class, () -> HlsMediaPlaylistReader.read(
                "#EXTM3U\n#EXT-X-TARGETDURATION:x\n", 6));
        // too large for an int: a malformed playlist like any other, not an ArithmeticException that the state load
        // would not expect (a channel whose stored playlist says so would never start)
        assertThrows(IllegalArgumentException.class, () -> HlsMediaPlaylistReader.read(
                "#EXTM3U\n#EXT-X-TARGETDURATION:99999999999\n", 6));
        assertThrows(IllegalArgumentException.class, () -> HlsMediaPlaylistReader.read(
                "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MAP:URI=\"i.mp4\"\n#EXT-X-PROGRAM-DATE-TIME:yesterday\n", 6));
    }
}
