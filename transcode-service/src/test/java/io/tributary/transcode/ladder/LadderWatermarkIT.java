package io.tributary.transcode.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.gop.GopRecordReader;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.cmaf.CmafSegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A white PNG in the top-right corner of a 426x240 rung: encoding the same GOP with and without it changes the
 * corner it covers and nothing else.
 */
class LadderWatermarkIT {
    private static final int WIDTH = 426;
    private static final int HEIGHT = 240;

    @TempDir
    Path dir;

    /** The rung's first picture of the clip's first GOP, as luma, encoded with {@code mark} (or none). */
    private byte[] firstPicture(LadderJob job, Watermark mark, String name) throws Exception {
        // a generous rate, so that what the watermark changes is not lost in coding noise
        Map<String, String> rates = Map.of("240p", "3M");
        Ladder ladder = new Ladder(List.of(RungSpec.named("240p", rates)), mark);
        GopLadder gops = new GopLadder(new LadderPlanner(ladder, Map.of()),
                new RungEncoder(LadderProbe.FFMPEG, EncoderSettings.defaults()));
        EncodedGop encoded = gops.encode(job, List.of(), Set.of());
        RungSegment rung = encoded.segments().get(0);
        CmafSegment s = rung.track().segment();
        Path file = LadderProbe.write(dir.resolve(name + ".mp4"), rung.track().format(), List.of(s));
        LadderProbe.assertDecodesCleanly(file);
        byte[] luma = LadderProbe.firstPictureLuma(file);
        assertEquals(WIDTH * HEIGHT, luma.length);
        return luma;
    }

    @Test
    void theWatermarkChangesItsCornerOnly() throws Exception {
        Path png = dir.resolve("mark.png");
        LadderProbe.FFMPEG.ffmpegOrThrow(Duration.ofSeconds(30), List.of("-v", "error", "-f", "lavfi",
                "-i", "color=c=white:s=64x64", "-frames:v", "1", png.toString()));
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(3), 640, 360, 30, 30);
        TestGops.TestGop gop = TestGops.split(clip, "01LADDERMARK").get(0);
        LadderJob job = LadderJob.of("marked", gop.metadata(), GopRecordReader.read(gop.value()));

        byte[] plain = firstPicture(job, null, "plain");
        // a fifth of the width (128 px of the 640 px source: 85 px of the rung), 2% from the edges (8.5 px)
        byte[] marked = firstPicture(job, new Watermark(png, Watermark.Position.TOP_RIGHT, 0.2, 1.0, 0.02),
                "marked");

        int markLeft = WIDTH - 85 - 9;
        int markBottom = 9 + 85;
        long insideDifference = 0;
        long inside = 0;
        int changedOutside = 0;
        long outside = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int d = Math.abs((plain[y * WIDTH + x] & 0xFF) - (marked[y * WIDTH + x] & 0xFF));
                boolean inMark = x >= markLeft + 2 && x < WIDTH - 11 && y >= 11 && y < markBottom - 2;
                // the corner with a macroblock of slack around the mark: coding changes spread that far
                boolean nearMark = x >= markLeft - 16 && y < markBottom + 16;
                if (inMark) {
                    insideDifference += d;
                    inside++;
                } else if (!nearMark) {
                    outside++;
                    if (d > 12) {
                        changedOutside++;
                    }
                }
            }
        }
        double meanInside = (double) insideDifference / inside;
        assertTrue(meanInside > 40, "the mark shows: mean luma difference " + meanInside + " under it");
        assertTrue(changedOutside <= outside / 1000, changedOutside + " of " + outside
                + " pixels away from the corner changed visibly");
    }
}
