package io.tributary.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegRunnerIT {
    private final FfmpegRunner runner = FfmpegRunner.bundled();

    @Test
    void bundledFfmpegHasTheEncodersWeNeed() {
        String encoders = runner.ffmpegOrThrow(Duration.ofSeconds(30), List.of("-encoders")).stdoutText();
        assertTrue(encoders.contains("libx264"), "libx264");
        assertTrue(encoders.contains(" aac "), "aac");
        assertTrue(encoders.contains("mjpeg"), "mjpeg");
    }

    @Test
    void encodesAndProbesAClip(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("clip.flv");
        runner.ffmpegOrThrow(Duration.ofSeconds(60), List.of("-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30",
                "-t", "1", "-c:v", "libx264", "-g", "30", "-f", "flv", clip.toString()));
        assertTrue(Files.size(clip) > 1000);
        String json = runner.probeJson(Duration.ofSeconds(30), clip);
        assertTrue(json.contains("\"codec_name\": \"h264\""), json);
    }

    @Test
    void feedsStdinAndReadsStdout() {
        ProcessResult r = runner.ffmpeg(Duration.ofSeconds(30), new byte[48000 * 2],
                List.of("-v", "error", "-f", "s16le", "-ar", "48000", "-ac", "1", "-i", "pipe:0", "-f", "s16le", "pipe:1"));
        assertTrue(r.succeeded(), r.stderrTail());
        assertEquals(48000 * 2, r.stdout().length);
    }

    @Test
    void reportsFfmpegsOwnErrorWhenItFails() {
        FfmpegException e = assertThrows(FfmpegException.class,
                () -> runner.ffmpegOrThrow(Duration.ofSeconds(30), List.of("-i", "/nonexistent/input.flv", "-f", "null", "-")));
        assertTrue(e.getMessage().contains("No such file"), e.getMessage());
    }

    @Test
    void killsAChildThatOverrunsItsDeadline() {
        FfmpegException e = assertThrows(FfmpegException.class, () -> runner.ffmpeg(Duration.ofMillis(500),
                List.of("-re", "-f", "lavfi", "-i", "anullsrc", "-f", "null", "-")));
        assertFalse(e.getMessage().isEmpty());
    }
}
