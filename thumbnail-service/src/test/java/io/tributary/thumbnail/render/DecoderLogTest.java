package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecoderLogTest {

    record Case(String name, String stderr, String damage) {
    }

    /** Standard error of FFmpeg 7.1 runs with -loglevel level+warning, as captured on this project's test clips. */
    static final List<Case> CASES = List.of(
            new Case("a clean keyframe", "", ""),
            new Case("a JPEG scaled down: a harmless warning",
                    "[swscaler @ 0x7f455c014640] [warning] deprecated pixel format used, make sure you did set range"
                            + " correctly\n",
                    ""),
            new Case("noise that decodes without an error line",
                    "[vist#0:0/h264 @ 0x55e355635d00] [dec:h264 @ 0x55e355634ac0] [warning] corrupt decoded frame\n",
                    "[vist#0:0/h264 @ 0x55e355635d00] [dec:h264 @ 0x55e355634ac0] [warning] corrupt decoded frame"),
            new Case("slice data the decoder gives up on",
                    "[h264 @ 0x5622c4393480] [error] cabac decode of qscale diff failed at 12 31\n"
                            + "[h264 @ 0x5622c4393480] [error] error while decoding MB 12 31, bytestream 17019\n",
                    "[h264 @ 0x5622c4393480] [error] cabac decode of qscale diff failed at 12 31 | "
                            + "[h264 @ 0x5622c4393480] [error] error while decoding MB 12 31, bytestream 17019"),
            new Case("input that is not FLV",
                    "[flv @ 0x55da] [warning] Read FLV header error, input file is not a standard flv format\n"
                            + "[in#0/flv @ 0x55da] [fatal] could not find codec parameters\n",
                    "[in#0/flv @ 0x55da] [fatal] could not find codec parameters"));

    @Test
    void findsTheLinesThatSayThePictureIsDamaged() {
        for (Case c : CASES) {
            assertEquals(c.damage, DecoderLog.damage(c.stderr), c.name);
        }
    }
}
