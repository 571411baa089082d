package io.tributary.testsupport.gop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.gop.GopFlag;
import io.tributary.testsupport.media.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestGopsIT {
    @Test
    void splitsAClipIntoNumberedGopsThatTileItsTimeline() {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(4), 320, 180, 30, 30);
        List<TestGops.TestGop> gops = TestGops.split(clip, "s-1");

        assertEquals(4, gops.size());
        assertTrue(gops.get(0).metadata().has(GopFlag.FIRST));
        assertTrue(gops.get(3).metadata().has(GopFlag.LAST));
        long end = 0;
        for (int i = 0; i < gops.size(); i++) {
            assertEquals(i, gops.get(i).metadata().sequence());
            assertEquals(end, gops.get(i).metadata().mediaStartMillis());
            end += gops.get(i).metadata().mediaDurationMillis();
        }
        // the AAC encoder's priming and padding make the audio end a few frames after the video
        assertTrue(end >= 4000 && end <= 4100, "covers the clip: " + end);
    }
}
