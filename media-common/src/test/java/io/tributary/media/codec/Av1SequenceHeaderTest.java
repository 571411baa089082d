package io.tributary.media.codec;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.Hex;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sequence header OBUs (AV1 §5.5.1) found in low-overhead OBU streams (§5.2), as av1C and FLV frames carry them. */
class Av1SequenceHeaderTest {

    /** sequence_header_obu() of the bundled FFmpeg 7.1 libsvtav1 (-preset 12, testsrc2 640x360), from its av1C. */
    static final String SVT_AV1_640X360 = "0000000cc4ff6700be0010";

    /** Timing info with a decoder model and two operating points, 1920x1080: the fields a simple header leaves out. */
    static final byte[] TIMING_DECODER_MODEL_1920X1080 = AvcSequenceParameterSetTest.bits(
            "010" + "0" + "0"                   // seq_profile 2, still_picture, reduced_still_picture_header
            + "1"                               // timing_info_present_flag
            + "00000000000000000000000000000001" // num_units_in_display_tick 1
            + "00000000000000000000000000011110" // time_scale 30
            + "1" + "00100"                     // equal_picture_interval, num_ticks_per_picture_minus_1 uvlc 3
            + "1"                               // decoder_model_info_present_flag
            + "01001"                           // buffer_delay_length_minus_1 9: delays of 10 bits
            + "00000000000000000000000000000001" // num_units_in_decoding_tick 1
            + "11111" + "11111"                 // buffer_removal_time_length_minus_1, frame_presentation_time_...
            + "1"                               // initial_display_delay_present_flag
            + "00001"                           // operating_points_cnt_minus_1 1
            + "000100000001" + "01000" + "1"    // operating_point_idc[0], seq_level_idx[0] 8, seq_tier[0]
            + "1" + "0000000101" + "0000000110" + "1" // decoder model for op 0: delays 5 and 6, low_delay_mode
            + "1" + "1001"                      // initial_display_delay_present_for_this_op[0], minus_1 9
            + "000000000001" + "00100"          // operating_point_idc[1], seq_level_idx[1] 4: no seq_tier
            + "0" + "0"                         // no decoder model, no initial display delay for op 1
            + "1010" + "1010"                   // frame_width_bits_minus_1 10, frame_height_bits_minus_1 10
            + "11101111111" + "10000110111");   // max_frame_width_minus_1 1919, max_frame_height_minus_1 1079

    /** The largest size the syntax allows, as a crafted stream declares it. */
    static final byte[] FULL_HEADER_65536 = AvcSequenceParameterSetTest.bits(
            "000" + "0" + "0"                   // seq_profile 0, still_picture, reduced_still_picture_header
            + "0" + "0"                         // no timing info, no initial display delay
            + "00000"                           // operating_points_cnt_minus_1 0
            + "000000000000" + "01000" + "0"    // operating_point_idc[0], seq_level_idx[0] 8, seq_tier[0]
            + "1111" + "1111"                   // 16-bit frame width and height
            + "1111111111111111" + "1111111111111111"); // max_frame_width_minus_1, max_frame_height_minus_1 65535

    /** A temporal unit walked OBU by OBU: both sequence headers, in order. */
    static final byte[] TWO_SEQUENCE_HEADERS = bytes(
            "12 00",                            // temporal delimiter, obu_size 0
            "16 00 00",                         // temporal delimiter with obu_extension_flag: extension byte, size 0
            "0A 8B 00",                         // sequence header, obu_size 11 in a two-byte leb128
            SVT_AV1_640X360,
            "32 03 10 00 7F",                   // frame OBU (type 6), 3 bytes not read
            "08",                               // sequence header without obu_has_size_field: to the end
            Hex.of(TIMING_DECODER_MODEL_1920X1080));

    static final Av1SequenceHeader SVT_AV1_HEADER = new Av1SequenceHeader(0, 640, 360, 0.0);
    /** 30 / (1 tick × 4 ticks per picture). */
    static final Av1SequenceHeader TIMING_HEADER = new Av1SequenceHeader(2, 1920, 1080, 7.5);

    @Test
    void findsEverySequenceHeaderInOrder() {
        assertEquals(List.of(SVT_AV1_HEADER, TIMING_HEADER), Av1SequenceHeader.findAll(TWO_SEQUENCE_HEADERS));
    }

    @Test
    void findReturnsTheFirstAndReadsNoFurther() {
        byte[] thenGarbage = bytes("0A 0B", SVT_AV1_640X360, "FF FF"); // obu_forbidden_bit after the header

        assertEquals(SVT_AV1_HEADER, Av1SequenceHeader.find(TWO_SEQUENCE_HEADERS));
        assertEquals(SVT_AV1_HEADER, Av1SequenceHeader.find(thenGarbage));
        assertThrows(CodecConfigException.class, () -> Av1SequenceHeader.findAll(thenGarbage));
    }

    @Test
    void findAllRefusesMoreSequenceHeadersThanAStreamRepeats() {
        String one = "0A 8B 00 " + SVT_AV1_640X360; // a sequence header OBU with its size
        assertEquals(Av1SequenceHeader.MAX_SEQUENCE_HEADERS,
                Av1SequenceHeader.findAll(bytes((one + " ").repeat(Av1SequenceHeader.MAX_SEQUENCE_HEADERS))).size());
        CodecConfigException e = assertThrows(CodecConfigException.class, () -> Av1SequenceHeader.findAll(
                bytes((one + " ").repeat(Av1SequenceHeader.MAX_SEQUENCE_HEADERS + 1))));
        assertEquals("more than 64 AV1 sequence headers", e.getMessage());
    }

    @Test
    void findsNoneWhereThereIsNone() {
        byte[] delimiterAndFrame = bytes("12 00", "32 03 10 00 7F");

        assertEquals(List.of(), Av1SequenceHeader.findAll(delimiterAndFrame));
        assertEquals(List.of(), Av1SequenceHeader.findAll(new byte[0]));
        assertNull(Av1SequenceHeader.find(delimiterAndFrame));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("a frame size above MAX_DIMENSION", sequenceHeaderObu(FULL_HEADER_65536),
                        "AV1 frame size 65536x65536"),
                Arguments.of("obu_forbidden_bit", bytes("12 00", "FF FF"), "obu_forbidden_bit"),
                Arguments.of("obu_size past the end", bytes("0A 7F", SVT_AV1_640X360), "OBU of 127 bytes"),
                Arguments.of("leb128 of 9 bytes", bytes("0A FF FF FF FF FF FF FF FF 01"), "longer than 8 bytes"),
                Arguments.of("cut in the frame size", bytes("0A 06", SVT_AV1_640X360.substring(0, 12)),
                        "truncated"));
    }

    /** OBU header: obu_type 1, obu_has_size_field; a one-byte leb128 obu_size. */
    private static byte[] sequenceHeaderObu(byte[] payload) {
        return bytes("0A", String.format("%02x", payload.length), Hex.of(payload));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, byte[] obus, String reason) {
        CodecConfigException e = assertThrows(CodecConfigException.class, () -> Av1SequenceHeader.findAll(obus));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void givesHeadersOrItsOwnExceptionForTheStreamCutAnywhereOrWithAnyByteFlipped() {
        byte[] obus = TWO_SEQUENCE_HEADERS;
        for (int at = 0; at < obus.length; at++) {
            findsOrRejects(Arrays.copyOf(obus, at));
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] flipped = obus.clone();
                flipped[at] ^= (byte) mask;
                findsOrRejects(flipped);
            }
        }
    }

    private static void findsOrRejects(byte[] obus) {
        try {
            for (Av1SequenceHeader h : Av1SequenceHeader.findAll(obus)) {
                assertTrue(h.maxFrameWidth() >= 1 && h.maxFrameWidth() <= VideoDecoderConfiguration.MAX_DIMENSION);
                assertTrue(h.maxFrameHeight() >= 1 && h.maxFrameHeight() <= VideoDecoderConfiguration.MAX_DIMENSION);
            }
        } catch (CodecConfigException expected) {
            // the one allowed failure
        }
    }
}
