package io.tributary.media.codec;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LengthPrefixedNalUnitsTest {

    /** An H.264 keyframe as encoders that repeat their parameter sets send it: SPS, PPS, then the IDR slice. */
    static final byte[] SPS_PPS_IDR = bytes(
            "0000001A", AvcCases.SPS_640X360_HIGH,  // 26 bytes: SPS
            "00000004", AvcCases.PPS_640X360_HIGH,  // 4 bytes: PPS
            "00000005", "65888400FF");              // 5 bytes: IDR slice (nal_unit_type 5), its data not read

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("4-byte lengths", 4, SPS_PPS_IDR, List.of(AvcCases.nal(AvcCases.SPS_640X360_HIGH),
                        AvcCases.nal(AvcCases.PPS_640X360_HIGH), AvcCases.nal("65888400FF"))),
                Arguments.of("2-byte lengths and an empty NAL unit", 2, bytes(
                        "0004", AvcCases.PPS_640X360_HIGH,  // 4 bytes
                        "0000"),                            // 0 bytes
                        List.of(AvcCases.nal(AvcCases.PPS_640X360_HIGH), new NalUnit(new byte[0]))),
                Arguments.of("1-byte lengths", 1, bytes("02", "0910"), List.of(AvcCases.nal("0910"))),
                Arguments.of("nothing", 4, new byte[0], List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void splitsASampleIntoItsNalUnits(String name, int lengthSize, byte[] sample, List<NalUnit> nals) {
        assertEquals(nals, LengthPrefixedNalUnits.split(sample, lengthSize));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("a length past the end", 4, Arrays.copyOf(SPS_PPS_IDR, SPS_PPS_IDR.length - 1),
                        "NAL unit of 5 bytes at byte 38 with 4 left"),
                Arguments.of("bytes left that cannot hold a length", 4, bytes("00000001 09", "0000"),
                        "2 bytes left after the last NAL unit"),
                Arguments.of("a length size of 0", 0, SPS_PPS_IDR, "length size 0"),
                Arguments.of("a length size of 5", 5, SPS_PPS_IDR, "length size 5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, int lengthSize, byte[] sample, String reason) {
        CodecConfigException e = assertThrows(CodecConfigException.class,
                () -> LengthPrefixedNalUnits.split(sample, lengthSize));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void givesNalUnitsOrItsOwnExceptionForASampleCutAnywhere() {
        for (int at = 0; at < SPS_PPS_IDR.length; at++) {
            byte[] cut = Arrays.copyOf(SPS_PPS_IDR, at);
            try {
                List<NalUnit> nals = LengthPrefixedNalUnits.split(cut, 4);
                assertTrue(at == 0 || at == 30 || at == 38, "cut at " + at + " ends between NAL units: " + nals);
            } catch (CodecConfigException expected) {
                // the one allowed failure
            }
        }
    }

    @Test
    void aSelectiveSplitCopiesOnlyTheUnitsAskedForAndBoundsTheirNumber() {
        // 2-byte lengths: an empty unit, an SPS (type 7), a slice (type 5), another SPS
        byte[] sample = {0, 0, 0, 2, 0x67, 1, 0, 3, 0x65, 9, 9, 0, 2, 0x67, 2};
        assertEquals(List.of(new NalUnit(new byte[] {0x67, 1}), new NalUnit(new byte[] {0x67, 2})),
                LengthPrefixedNalUnits.split(sample, 2, header -> header >= 0 && (header & 0x1F) == 7, 2));
        CodecConfigException tooMany = assertThrows(CodecConfigException.class,
                () -> LengthPrefixedNalUnits.split(sample, 2, header -> header >= 0 && (header & 0x1F) == 7, 1));
        assertTrue(tooMany.getMessage().contains("more than 1"), tooMany.getMessage());
    }
}
