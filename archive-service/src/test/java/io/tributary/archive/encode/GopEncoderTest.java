package io.tributary.archive.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GopEncoderTest {

    private static String after(List<String> args, String option) {
        return args.get(args.indexOf(option) + 1);
    }

    @Test
    void reencodesVideoWithTheConfiguredCrfAndPresetAndCopiesAudio() {
        List<String> args = new GopEncoder(null, 26, "faster", 0, Duration.ofSeconds(1)).arguments();
        assertEquals("libx264", after(args, "-c:v"));
        assertEquals("26", after(args, "-crf"));
        assertEquals("faster", after(args, "-preset"));
        assertEquals("copy", after(args, "-c:a"));
        assertEquals("stitchable=1", after(args, "-x264-params"));
        assertFalse(args.contains("-threads:v"));
    }

    @Test
    void keepsEveryTimestampOfTheSource() {
        List<String> args = new GopEncoder(null, 28, "veryfast", 2, Duration.ofSeconds(1)).arguments();
        assertTrue(args.contains("-copyts"));
        assertEquals("passthrough", after(args, "-fps_mode:v"));
        assertEquals("demux", after(args, "-enc_time_base:v"));
        assertEquals(GopEncoder.TIMESTAMP_HEADROOM_SECONDS, after(args, "-output_ts_offset"));
        assertEquals("2", after(args, "-threads:v"));
        assertEquals(1, Collections.frequency(args, "pipe:1"));
    }

    @Test
    void readsModesAsConfigurationWritesThem() {
        assertEquals(EncodeMode.COPY, EncodeMode.parse(" Copy "));
        assertEquals(EncodeMode.REENCODE, EncodeMode.parse("reencode"));
    }
}
