package io.tributary.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPS written by the bundled FFmpeg 7.1 libx264 (testsrc2, the size, rate and profile in each name); expected values
 * from its ffprobe -show_streams (profile, level, width, height, pix_fmt, field order).
 */
class AvcSequenceParameterSetTest {

    static Stream<Arguments> sps() {
        return Stream.of(
                Arguments.of("High 3.0, 640x360 (368 coded, cropped), 30 fps", AvcCases.SPS_640X360_HIGH,
                        new AvcSequenceParameterSet(100, 0x00, 30, 1, 8, 8, 640, 368, 640, 360, 30.0)),
                Arguments.of("Constrained Baseline 4.0, 1920x1080 (1088 coded, cropped), 25 fps",
                        "6742c028da01e0089f97011000000300100000030320f1832a",
                        new AvcSequenceParameterSet(66, 0xC0, 40, 1, 8, 8, 1920, 1088, 1920, 1080, 25.0)),
                Arguments.of("Constrained Baseline 1.2, 320x240, 15 fps",
                        "6742c00cda0507ec0440000003004000000783c50aa8",
                        new AvcSequenceParameterSet(66, 0xC0, 12, 1, 8, 8, 320, 240, 320, 240, 15.0)),
                Arguments.of("High 4:2:2 3.2, 1280x720, 50 fps",
                        "677a0020bcb402802dd808800000030080000032078c1950",
                        new AvcSequenceParameterSet(122, 0x00, 32, 2, 8, 8, 1280, 720, 1280, 720, 50.0)),
                Arguments.of("Main 3.0, 720x576 interlaced (field pairs), 25 fps",
                        "674d401ef405a126c044000003000400000300c87c50aa80",
                        new AvcSequenceParameterSet(77, 0x40, 30, 1, 8, 8, 720, 576, 720, 576, 25.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sps")
    void readsSizeProfileAndRate(String name, String hex, AvcSequenceParameterSet expected) {
        assertEquals(expected, AvcSequenceParameterSet.parse(AvcCases.nal(hex)));
    }

    @Test
    void rejectsAPictureParameterSet() {
        assertThrows(CodecConfigException.class, () -> AvcSequenceParameterSet.parse(AvcCases.nal("68efbcb0")));
    }

    @Test
    void rejectsAPictureWiderThanTheLimit() {
        byte[] sps = bits("01100111"            // NAL header: nal_unit_type 7
                + "01000010 00000000 00101000"  // profile_idc 66, constraint flags 0, level_idc 40
                + "1" + "1" + "011" + "010" + "0" // sps id 0, log2_max_frame_num 0, poc type 2, 1 ref, no gaps
                + "00000000000" + "1" + "00000000000" // pic_width_in_mbs_minus1 2047: 32768 pixels
                + "1" + "1" + "1" + "0" + "0"   // height 1 MB, frame_mbs_only, direct_8x8, no crop, no VUI
                + "1");                         // rbsp_stop_one_bit
        CodecConfigException e = assertThrows(CodecConfigException.class,
                () -> AvcSequenceParameterSet.parse(new NalUnit(sps)));
        assertEquals("H.264 SPS picture larger than 16384 pixels", e.getMessage());
    }

    @Test
    void readsTheCodedSizeOfAPictureCroppedToAFewPixels() {
        // the coded size is what a decoder allocates for: 16000x16000 here, whatever the cropping leaves displayed
        byte[] sps = bits("01100111"            // NAL header: nal_unit_type 7
                + "01000010 00000000 00101000"  // profile_idc 66, constraint flags 0, level_idc 40
                + "1" + "1" + "011" + "010" + "0" // sps id 0, log2_max_frame_num 0, poc type 2, 1 ref, no gaps
                + "000000000 1111101000"        // pic_width_in_mbs_minus1 999: 16000 pixels
                + "000000000 1111101000"        // pic_height_in_map_units_minus1 999
                + "1" + "1" + "1"               // frame_mbs_only, direct_8x8, frame_cropping_flag
                + "1" + "000000000000 1111100111001" // frame_crop_left_offset 0, right 7992 (× 2 for 4:2:0)
                + "1" + "000000000000 1111100111001" // frame_crop_top_offset 0, bottom 7992
                + "0"                           // no VUI
                + "1");                         // rbsp_stop_one_bit
        assertEquals(new AvcSequenceParameterSet(66, 0x00, 40, 1, 8, 8, 16000, 16000, 16, 16, 0.0),
                AvcSequenceParameterSet.parse(new NalUnit(sps)));
    }

    @Test
    void refusesAWidthWhoseCountWouldWrapAroundAnInt() {
        // pic_width_in_mbs_minus1 = 2^31 - 1 (31 leading zeros): + 1 in an int wrapped to a negative width that
        // passed the size bound and came out as a coded width of 0
        String maxUe = "0".repeat(31) + "1" + "0".repeat(31);
        byte[] sps = bits("01100111" + "01000010 00000000 00101000" + "1" + "1" + "011" + "010" + "0"
                + maxUe + "1" + "1" + "1" + "0" + "0" + "1");
        assertThrows(CodecConfigException.class, () -> AvcSequenceParameterSet.parse(new NalUnit(sps)));
    }

    /** Bits as text, spaces ignored, zero-padded to whole bytes. */
    static byte[] bits(String text) {
        String b = text.replace(" ", "");
        byte[] out = new byte[(b.length() + 7) / 8];
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) == '1') {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }
}
