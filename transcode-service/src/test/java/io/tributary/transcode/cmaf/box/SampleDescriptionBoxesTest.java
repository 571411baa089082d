package io.tributary.transcode.cmaf.box;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sample entries and decoder configuration boxes, checked field by field. */
class SampleDescriptionBoxesTest {
    /** AudioSpecificConfig: AAC-LC (2), 48 kHz (index 3), stereo (2): 00010 0011 0010 000. */
    static final byte[] ASC_LC_48K_STEREO = HexFormat.of().parseHex("1190");
    /** A short AVCDecoderConfigurationRecord: High profile, level 1.3, one 4-byte SPS and one 4-byte PPS. */
    static final byte[] AVCC = HexFormat.of().parseHex("0164000dffe1000467640d0001000468ebe3cb");
    /** AV1CodecConfigurationRecord: marker/version 0x81, main profile level 4 (0x04), 8-bit 4:2:0 (0x0c), no OBUs. */
    static final byte[] AV1C = HexFormat.of().parseHex("81040c00");

    private static final String MP4A = """
            0000004b 6d703461 // size 75, 'mp4a'
            000000000000      // reserved[6]
            0001              // data_reference_index 1
            00000000 00000000 // reserved[2] (entry version 0)
            0002              // channelcount 2
            0010              // samplesize 16
            0000              // pre_defined
            0000              // reserved
            bb800000          // samplerate 48000.0 (16.16)
            00000027 65736473 // size 39, 'esds'
            00 000000         // version 0, flags 0
            03 19             // ES_Descriptor, length 25
            0000              // ES_ID 0
            00                // no dependence, URL or OCR; priority 0
            04 11             // DecoderConfigDescriptor, length 17
            40                // objectTypeIndication: ISO/IEC 14496-3 audio
            15                // streamType 5 (audio) << 2 | upStream 0 << 1 | reserved 1
            000000            // bufferSizeDB 0 (unknown)
            00000000          // maxBitrate 0 (unknown)
            00000000          // avgBitrate 0 (unknown)
            05 02 1190        // DecoderSpecificInfo, length 2: AudioSpecificConfig AAC-LC 48 kHz stereo
            06 01 02          // SLConfigDescriptor, length 1, predefined 2 (MP4)
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("mp4a", new AudioSampleEntry("mp4a", 2, 48_000, EsdsBox.of(ASC_LC_48K_STEREO)), MP4A),
                Arguments.of("stbl with mp4a",
                        new StblBox(new StsdBox(new AudioSampleEntry("mp4a", 2, 48_000, EsdsBox.of(ASC_LC_48K_STEREO)))),
                        """
                        000000a7 7374626c // size 167, 'stbl'
                        0000005b 73747364 // size 91, 'stsd'
                        00 000000         // version 0, flags 0
                        00000001          // entry_count 1
                        """ + MP4A + """
                        00000010 73747473 // size 16, 'stts'
                        00 000000         // version 0, flags 0
                        00000000          // entry_count 0
                        00000010 73747363 // size 16, 'stsc'
                        00 000000         // version 0, flags 0
                        00000000          // entry_count 0
                        00000014 7374737a // size 20, 'stsz'
                        00 000000         // version 0, flags 0
                        00000000          // sample_size 0
                        00000000          // sample_count 0
                        00000010 7374636f // size 16, 'stco'
                        00 000000         // version 0, flags 0
                        00000000          // entry_count 0
                        """),
                Arguments.of("avc1", new VisualSampleEntry("avc1", 320, 240,
                        List.of(CodecConfigurationBox.avcC(AVCC), PaspBox.square())), """
                        00000081 61766331 // size 129, 'avc1'
                        000000000000      // reserved[6]
                        0001              // data_reference_index 1
                        0000              // pre_defined
                        0000              // reserved
                        00000000 00000000 00000000 // pre_defined[3]
                        0140              // width 320
                        00f0              // height 240
                        00480000          // horizresolution 72 dpi
                        00480000          // vertresolution 72 dpi
                        00000000          // reserved
                        0001              // frame_count 1
                        00000000000000000000000000000000 // compressorname: empty (32 bytes)
                        00000000000000000000000000000000
                        0018              // depth 24: colour, no alpha
                        ffff              // pre_defined -1
                        0000001b 61766343 // size 27, 'avcC'
                        01                // configurationVersion 1
                        64 00 0d          // AVCProfileIndication 100 (High), compatibility 0, level 13
                        ff                // lengthSizeMinusOne 3: 4-byte NAL lengths
                        e1 0004 67640d00  // 1 SPS of 4 bytes
                        01 0004 68ebe3cb  // 1 PPS of 4 bytes
                        00000010 70617370 // size 16, 'pasp'
                        00000001          // hSpacing 1
                        00000001          // vSpacing 1
                        """),
                Arguments.of("av01", new VisualSampleEntry("av01", 1280, 720,
                        List.of(CodecConfigurationBox.av1C(AV1C), PaspBox.square())), """
                        00000072 61763031 // size 114, 'av01'
                        000000000000 0001 // reserved[6], data_reference_index 1
                        0000 0000         // pre_defined, reserved
                        00000000 00000000 00000000 // pre_defined[3]
                        0500 02d0         // width 1280, height 720
                        00480000 00480000 // 72 dpi
                        00000000 0001     // reserved, frame_count 1
                        00000000000000000000000000000000 // compressorname: empty (32 bytes)
                        00000000000000000000000000000000
                        0018 ffff         // depth 24, pre_defined -1
                        0000000c 61763143 // size 12, 'av1C'
                        81040c00          // AV1CodecConfigurationRecord
                        00000010 70617370 // size 16, 'pasp'
                        00000001 00000001 // 1:1
                        """),
                Arguments.of("hvcC", CodecConfigurationBox.hvcC(HexFormat.of().parseHex(
                        "01016000000090000000000078f000fcfdf8f800000f00")), """
                        0000001f 68766343 // size 31, 'hvcC'
                        01                // configurationVersion 1
                        01                // profile space 0, tier 0, general_profile_idc 1 (Main)
                        60000000          // general_profile_compatibility_flags: Main, Main 10
                        900000000000      // general_constraint_indicator_flags: progressive, frame only
                        78                // general_level_idc 120 (level 4)
                        f000              // reserved 1111, min_spatial_segmentation_idc 0
                        fc                // reserved 111111, parallelismType 0
                        fd                // reserved 111111, chromaFormat 1 (4:2:0)
                        f8                // reserved 11111, bitDepthLumaMinus8 0
                        f8                // reserved 11111, bitDepthChromaMinus8 0
                        0000              // avgFrameRate 0 (unspecified)
                        0f                // constantFrameRate 0, numTemporalLayers 1, temporalIdNested 1, lengthSizeMinusOne 3
                        00                // numOfArrays 0 (a real record carries VPS, SPS and PPS)
                        """),
                Arguments.of("Opus", new AudioSampleEntry("Opus", 2, 48_000, DopsBox.family0(2, 312, 48_000, 0)), """
                        00000037 4f707573 // size 55, 'Opus'
                        000000000000 0001 // reserved[6], data_reference_index 1
                        00000000 00000000 // reserved[2]
                        0002              // channelcount 2
                        0010              // samplesize 16
                        0000 0000         // pre_defined, reserved
                        bb800000          // samplerate 48000.0
                        00000013 644f7073 // size 19, 'dOps'
                        00                // Version 0
                        02                // OutputChannelCount 2
                        0138              // PreSkip 312
                        0000bb80          // InputSampleRate 48000
                        0000              // OutputGain 0
                        00                // ChannelMappingFamily 0: no mapping table
                        """),
                Arguments.of("dOps family 1",
                        new DopsBox(6, 312, 48_000, -256, 1, 4, 2, new byte[] {0, 4, 1, 2, 3, 5}), """
                        0000001b 644f7073 // size 27, 'dOps'
                        00                // Version 0
                        06                // OutputChannelCount 6
                        0138              // PreSkip 312
                        0000bb80          // InputSampleRate 48000
                        ff00              // OutputGain -256 (-1 dB, Q7.8)
                        01                // ChannelMappingFamily 1 (Vorbis order)
                        04                // StreamCount 4
                        02                // CoupledCount 2
                        000401020305      // ChannelMapping[6]
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheSpecifiedBytes(String name, Box box, String vector) {
        assertEquals(HexFields.hex(vector), HexFields.hex(box.toByteArray()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vectorIsOneBoxWhoseSizeIsItsLength(String name, Box box, String vector) {
        byte[] bytes = HexFields.bytes(vector);
        List<BoxTree.Node> boxes = BoxTree.parse(bytes);
        assertEquals(1, boxes.size());
        assertEquals(bytes.length, boxes.get(0).size());
        assertEquals(name.split(" ")[0], boxes.get(0).type());
    }
}
