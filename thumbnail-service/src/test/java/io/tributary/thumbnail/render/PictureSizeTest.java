package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PictureSizeTest {

    /** A source, the width asked for, and the size ffmpeg's {@code scale=w=trunc(min(W\,iw)/2)*2:h=-2} gives. */
    record Case(String name, int maxWidth, int sourceWidth, int sourceHeight, PictureSize size) {
    }

    static final List<Case> CASES = List.of(
            new Case("720p to 640", 640, 1280, 720, new PictureSize(640, 360)),
            new Case("1080p to 640", 640, 1920, 1080, new PictureSize(640, 360)),
            new Case("1080p to 160", 160, 1920, 1080, new PictureSize(160, 90)),
            new Case("a smaller source is not upscaled", 640, 320, 180, new PictureSize(320, 180)),
            new Case("an odd source width is rounded down to even", 640, 321, 181, new PictureSize(320, 180)),
            // 640 * 480 / (2 * 854) = 179.86: rounded to 180, times 2
            new Case("854x480 to 640: height rounded to the nearest even", 640, 854, 480, new PictureSize(640, 360)),
            // 160 * 1080 / (2 * 1440) = 60.0
            new Case("4:3 1440x1080 to 160", 160, 1440, 1080, new PictureSize(160, 120)),
            // 640 * 1280 / (2 * 720) = 568.9: 569, times 2
            new Case("portrait 720x1280 to 640", 640, 720, 1280, new PictureSize(640, 1138)),
            // 160 * 90 / (2 * 1000) = 7.2: 7, times 2
            new Case("a wide strip", 160, 1000, 90, new PictureSize(160, 14)),
            new Case("a source 1 pixel wide gives no picture", 640, 1, 100, null),
            new Case("a source too flat for 2 rows gives no picture", 160, 4000, 10, null));

    @Test
    void sizesAPictureAsFfmpegsScaleFilterDid() {
        for (Case c : CASES) {
            assertEquals(c.size, PictureSize.fitting(c.maxWidth, c.sourceWidth, c.sourceHeight), c.name);
        }
    }
}
