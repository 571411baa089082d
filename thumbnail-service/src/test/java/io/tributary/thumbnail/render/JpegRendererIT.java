package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.gop.TestGops.TestGop;
import io.tributary.thumbnail.testing.Pictures;
import io.tributary.testsupport.media.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegRendererIT {
    /** Generous: several engineers share this machine's two cores. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int FPS = 25;

    private static final JpegRenderer RENDERER = new JpegRenderer(Pictures.runner(),
            new RenderSettings(640, OptionalInt.of(160), 3, TIMEOUT));

    private static Keyframe keyframe(Path clip, int gop) {
        List<TestGop> records = TestGops.split(clip, "S1");
        return KeyframeCut.first(records.get(gop).value()).orElseThrow();
    }

    @Test
    void makesAPictureOfTheKeyframeAtTheConfiguredWidthAndASmallOne() throws Exception {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(3), 1280, 720, FPS, FPS);

        Rendering.Rendered rendered = assertInstanceOf(Rendering.Rendered.class, RENDERER.render(keyframe(clip, 1)));

        assertEquals(new Pictures.Probe("mjpeg", 640, 360), Pictures.probe(rendered.picture().jpeg()));
        assertEquals(640, rendered.picture().width());
        assertEquals(360, rendered.picture().height());
        Picture small = rendered.small().orElseThrow();
        assertEquals(new Pictures.Probe("mjpeg", 160, 90), Pictures.probe(small.jpeg()));
        assertEquals(160, small.width());
        // the keyframe of the second GOP is frame 25: the picture is that frame, not a neighbour
        byte[] gray = Pictures.gray(rendered.picture().jpeg());
        double same = Pictures.meanAbsoluteDifference(gray, Pictures.sourceFrame(clip, FPS, 640, 360));
        double before = Pictures.meanAbsoluteDifference(gray, Pictures.sourceFrame(clip, FPS - 1, 640, 360));
        double after = Pictures.meanAbsoluteDifference(gray, Pictures.sourceFrame(clip, FPS + 1, 640, 360));
        assertTrue(same < 1.5, "mean absolute difference to frame 25: " + same);
        assertTrue(same < before && same < after, same + " vs " + before + " and " + after);
    }

    @Test
    void neverUpscalesASmallerSource() throws Exception {
        Path clip = TestMedia.videoOnly(Duration.ofSeconds(2), 320, 180, FPS, FPS);

        Rendering.Rendered rendered = assertInstanceOf(Rendering.Rendered.class, RENDERER.render(keyframe(clip, 0)));

        assertEquals(new Pictures.Probe("mjpeg", 320, 180), Pictures.probe(rendered.picture().jpeg()));
        assertEquals(new Pictures.Probe("mjpeg", 160, 90), Pictures.probe(rendered.small().orElseThrow().jpeg()));
    }

    @Test
    void decodesHevcInEnhancedFlv() throws Exception {
        Path clip = TestMedia.hevcAac(Duration.ofSeconds(2), 640, 360, FPS, FPS);

        Rendering rendering = RENDERER.render(keyframe(clip, 1));

        Rendering.Rendered rendered = assertInstanceOf(Rendering.Rendered.class, rendering, rendering::toString);
        assertEquals(new Pictures.Probe("mjpeg", 640, 360), Pictures.probe(rendered.picture().jpeg()));
    }

    @Test
    void rejectsADamagedKeyframe() throws Exception {
        Keyframe good = keyframe(TestMedia.h264Aac(Duration.ofSeconds(3), 1280, 720, FPS, FPS), 1);
        byte[] damaged = good.flv().clone();
        Random random = new Random(7);
        // the keyframe's slice data: past the sequence header, before the last PreviousTagSize
        for (int i = damaged.length / 3; i < damaged.length - 8; i++) {
            damaged[i] = (byte) random.nextInt(256);
        }

        Rendering rendering = RENDERER.render(new Keyframe(damaged, good.ptsMillis()));

        Rendering.Rejected rejected = assertInstanceOf(Rendering.Rejected.class, rendering);
        assertTrue(rejected.reason() == RejectReason.DAMAGED || rejected.reason() == RejectReason.BLANK
                || rejected.reason() == RejectReason.UNDECODABLE, rejected.toString());
    }

    @Test
    void rejectsBytesFfmpegCannotDecode() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);

        Rendering.Rejected rejected = assertInstanceOf(Rendering.Rejected.class,
                RENDERER.render(new Keyframe(garbage, 0)));

        assertEquals(RejectReason.UNDECODABLE, rejected.reason());
    }

    @Test
    void rejectsABlackPicture(@TempDir Path dir) throws Exception {
        Path black = dir.resolve("black.flv");
        Pictures.runner().ffmpegOrThrow(TIMEOUT, List.of("-loglevel", "error", "-f", "lavfi",
                "-i", "color=c=black:size=640x360:rate=25", "-t", "1", "-pix_fmt", "yuv420p", "-c:v", "libx264",
                "-preset", "veryfast", "-g", "25", "-f", "flv", black.toString()));

        Rendering.Rejected rejected = assertInstanceOf(Rendering.Rejected.class,
                RENDERER.render(keyframe(black, 0)));

        assertEquals(RejectReason.BLANK, rejected.reason());
    }
}
