package io.tributary.media.codec;

import static io.tributary.media.Hex.bytes;

import java.util.List;

/** AVC decoder configurations from real encoders, a field per line; read by decode, encode and robustness tests. */
final class AvcCases {

    /** SPS of the recorded 640x360 High-profile clip (FFmpeg libx264, in every H.264 vector). */
    static final String SPS_640X360_HIGH = "6764001eacd940a02ff970110000030001000003003c0f162d96";
    static final String PPS_640X360_HIGH = "68efbcb0";

    record Case(String name, byte[] bytes, AvcDecoderConfigurationRecord record) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> records() {
        return List.of(
                new Case("GStreamer rtmp2sink, H.264 High 3.0 (no High extension)", bytes(
                        "01",                   // configurationVersion 1
                        "64",                   // AVCProfileIndication 100 (High)
                        "00",                   // profile_compatibility
                        "1E",                   // AVCLevelIndication 30
                        "FF",                   // reserved 111111, lengthSizeMinusOne 3
                        "E1",                   // reserved 111, numOfSequenceParameterSets 1
                        "001A", SPS_640X360_HIGH, // SPS, 26 bytes
                        "01",                   // numOfPictureParameterSets 1
                        "0004", PPS_640X360_HIGH), // PPS, 4 bytes
                        new AvcDecoderConfigurationRecord(1, 100, 0, 30, 3, List.of(nal(SPS_640X360_HIGH)),
                                List.of(nal(PPS_640X360_HIGH)), null)),
                new Case("FFmpeg 7.1 flv muxer, H.264 High 3.0 with the High extension", bytes(
                        "01", "64", "00", "1E", // version 1, High, compatibility 0, level 3.0
                        "FF",                   // reserved, lengthSizeMinusOne 3
                        "E1",                   // reserved, 1 SPS
                        "001A", SPS_640X360_HIGH, // SPS
                        "01",                   // 1 PPS
                        "0004", PPS_640X360_HIGH, // PPS
                        "FD",                   // reserved 111111, chroma_format 1 (4:2:0)
                        "F8",                   // reserved 11111, bit_depth_luma_minus8 0
                        "F8",                   // reserved 11111, bit_depth_chroma_minus8 0
                        "00"),                  // numOfSequenceParameterSetExt 0
                        new AvcDecoderConfigurationRecord(1, 100, 0, 30, 3, List.of(nal(SPS_640X360_HIGH)),
                                List.of(nal(PPS_640X360_HIGH)),
                                new AvcDecoderConfigurationRecord.Extension(1, 0, 0, List.of()))),
                new Case("FFmpeg libx264, High 4:2:2 3.2", bytes(
                        "01", "7A", "00", "20", // version 1, High 4:2:2 (122), compatibility 0, level 3.2
                        "FF", "E1",             // lengthSizeMinusOne 3, 1 SPS
                        "0018", "677a0020bcb402802dd808800000030080000032078c1950", // SPS, 24 bytes
                        "01", "0004", "68ce0fc8", // 1 PPS
                        "FE",                   // chroma_format 2 (4:2:2)
                        "F8", "F8",             // 8-bit luma and chroma
                        "00"),                  // no SPS extensions
                        new AvcDecoderConfigurationRecord(1, 122, 0, 32, 3,
                                List.of(nal("677a0020bcb402802dd808800000030080000032078c1950")),
                                List.of(nal("68ce0fc8")),
                                new AvcDecoderConfigurationRecord.Extension(2, 0, 0, List.of()))));
    }

    static NalUnit nal(String hex) {
        return new NalUnit(bytes(hex));
    }

    private AvcCases() {
    }
}
