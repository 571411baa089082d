package io.tributary.media.codec;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.RecordedVectors;
import io.tributary.media.codec.HevcDecoderConfigurationRecord.NalUnitArray;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HevcDecoderConfigurationRecordTest {

    /** Parameter sets of the recorded 640x360 HEVC Main clip (FFmpeg 7.1 libx265). */
    static final String VPS = "40010c01ffff01600000030090000003000003003f959809";
    static final String SPS = "42010101600000030090000003000003003fa00502016965959a4932bc05a020000003002000000303c1";
    static final String PPS = "4401c172b46240";

    /** The recorded hvcC without its last array (a 2259-byte x265 version SEI), laid out field by field. */
    static final byte[] RECORDED_WITHOUT_SEI = bytes(
            "01",                   // configurationVersion 1
            "01",                   // general_profile_space 0, general_tier_flag 0, general_profile_idc 1 (Main)
            "60000000",             // general_profile_compatibility_flags: 1 and 2
            "900000000000",         // general_constraint_indicator_flags: progressive_source, frame_only
            "3F",                   // general_level_idc 63 (level 2.1)
            "F000",                 // reserved 1111, min_spatial_segmentation_idc 0
            "FC",                   // reserved 111111, parallelismType 0
            "FD",                   // reserved 111111, chromaFormat 1 (4:2:0)
            "F8",                   // reserved 11111, bitDepthLumaMinus8 0
            "F8",                   // reserved 11111, bitDepthChromaMinus8 0
            "0000",                 // avgFrameRate 0 (unspecified)
            "0F",                   // constantFrameRate 0, 1 temporal layer, temporalIdNested, lengthSizeMinusOne 3
            "03",                   // numOfArrays 3
            "20", "0001",           // array_completeness 0, NAL_unit_type 32 (VPS), 1 NAL unit
            "0018", VPS,            // 24 bytes
            "21", "0001",           // SPS (33), 1 NAL unit
            "002A", SPS,            // 42 bytes
            "22", "0001",           // PPS (34), 1 NAL unit
            "0007", PPS);           // 7 bytes

    static HevcDecoderConfigurationRecord recordedWithoutSei() {
        return new HevcDecoderConfigurationRecord(1, 0, false, 1, 0x60000000, 0x900000000000L, 63, 0, 0, 1, 0, 0, 0, 0,
                1, true, 3, List.of(
                        new NalUnitArray(false, 32, List.of(AvcCases.nal(VPS))),
                        new NalUnitArray(false, 33, List.of(AvcCases.nal(SPS))),
                        new NalUnitArray(false, 34, List.of(AvcCases.nal(PPS)))));
    }

    @Test
    void decodesTheTableBytes() {
        assertEquals(recordedWithoutSei(), HevcDecoderConfigurationRecord.parse(RECORDED_WITHOUT_SEI));
    }

    @Test
    void encodesTheTableRecord() {
        assertArrayEquals(RECORDED_WITHOUT_SEI, recordedWithoutSei().toBytes());
    }

    /** Expected values: ffprobe -show_streams of ffmpeg71-hevc-aac: hevc Main, level 63, 640x360. */
    @Test
    void readsTheRecordedSequenceHeaderAndWritesItBackUnchanged() {
        byte[] payload = SequenceHeaders.video(RecordedVectors.FFMPEG_HEVC_AAC).payload();
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(payload);
        assertArrayEquals(payload, r.toBytes());
        assertEquals(4, r.arrays().size());
        assertEquals(39, r.arrays().get(3).nalUnitType()); // prefix SEI
        assertEquals(recordedWithoutSei().arrays(), r.arrays().subList(0, 3));
        assertEquals("hvc1.1.6.L63.90", r.codecString());
        assertEquals(640, r.width());
        assertEquals(360, r.height());
        assertEquals(0.0, r.frameRate());
        assertEquals(1, r.generalProfileIdc());
        assertEquals(63, r.generalLevelIdc());
    }

    static Stream<Arguments> codecStrings() {
        return Stream.of(
                Arguments.of("Main, level 4, as in ISO 14496-15 Annex E", 0, false, 1, 0x60000000, 0xB00000000000L, 120,
                        "hvc1.1.6.L120.B0"),
                Arguments.of("Main 10, high tier 5.1", 0, true, 2, 0x20000000, 0xB00000000000L, 153,
                        "hvc1.2.4.H153.B0"),
                Arguments.of("profile space 1, no constraint flags", 1, false, 1, 0x60000000, 0L, 93, "hvc1.A1.6.L93"),
                Arguments.of("a zero byte between non-zero bytes stays", 0, false, 1, 0x40000000, 0x900008000000L, 90,
                        "hvc1.1.2.L90.90.0.8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecStrings")
    void writesTheCodecString(String name, int space, boolean tier, int profile, int compatibility, long constraints,
                              int level, String expected) {
        HevcDecoderConfigurationRecord r = new HevcDecoderConfigurationRecord(1, space, tier, profile, compatibility,
                constraints, level, 0, 0, 1, 0, 0, 0, 0, 1, true, 3, List.of());
        assertEquals(expected, r.codecString());
        assertEquals(0, r.width());
    }

    /** SPS from the bundled FFmpeg 7.1 libx265 (testsrc2); sizes as its ffprobe reports them. */
    static Stream<Arguments> sps() {
        return Stream.of(
                Arguments.of("640x360 (recorded)", SPS, new HevcSequenceParameterSet(1, 640, 360, 640, 360)),
                Arguments.of("1920x1080, coded 1920x1088",
                        "420101016000000300900000030000030078a003c0801107cb965654a4c2f0168080000003008000000c84",
                        new HevcSequenceParameterSet(1, 1920, 1088, 1920, 1080)),
                Arguments.of("426x240, coded 432x240, cropped by the conformance window",
                        "42010101600000030090000003000003003ca00d880f1c9e595952930bc05a020000030002000003003010",
                        new HevcSequenceParameterSet(1, 432, 240, 426, 240)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sps")
    void readsTheSpsSize(String name, String hex, HevcSequenceParameterSet expected) {
        assertEquals(expected, HevcSequenceParameterSet.parse(AvcCases.nal(hex)));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("version 0", bytes("00", "01 60000000 900000000000 3F F000 FC FD F8 F8 0000 0F 00"),
                        "version 0"),
                Arguments.of("cut in the header", bytes("01 01 600000"), "truncated"),
                Arguments.of("array count beyond the data", bytes(
                        "01 01 60000000 900000000000 3F F000 FC FD F8 F8 0000 0F",
                        "01",                   // one array
                        "21 FFFF",              // SPS array claiming 65535 NAL units
                        "0001 42"), "claims 65535 NAL units"),
                Arguments.of("more NAL units than any encoder writes", bytes(
                        "01 01 60000000 900000000000 3F F000 FC FD F8 F8 0000 0F",
                        "01",                   // one array
                        "21 0101",              // SPS array of 257 empty NAL units, all present
                        "0000".repeat(257)), "more than 256 NAL units"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, byte[] bytes, String reason) {
        CodecConfigException e = assertThrows(CodecConfigException.class, () ->
                HevcDecoderConfigurationRecord.parse(bytes));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
