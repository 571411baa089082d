package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JpegRendererTest {

    @Test
    void asksFfmpegForOneScaledPictureNeverWiderThanTheSource() {
        JpegRenderer renderer = new JpegRenderer(null,
                new RenderSettings(640, OptionalInt.of(160), 3, Duration.ofSeconds(10)));

        assertEquals(List.of(
                "-loglevel", "level+warning",
                "-threads", "1",
                "-f", "flv", "-i", "pipe:0",
                "-frames:v", "1",
                "-vf", "scale=w=trunc(min(640\\,iw)/2)*2:h=-2",
                "-q:v", "3",
                "-f", "mjpeg", "pipe:1"), renderer.arguments("flv", 640));
    }

    @Test
    void rejectsSettingsAnEncoderCannotUse() {
        Duration t = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(641, OptionalInt.empty(), 3, t));
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(0, OptionalInt.empty(), 3, t));
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(640, OptionalInt.of(161), 3, t));
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(640, OptionalInt.empty(), 1, t));
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(640, OptionalInt.empty(), 32, t));
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(640, OptionalInt.empty(), 3, Duration.ZERO));
    }
}
