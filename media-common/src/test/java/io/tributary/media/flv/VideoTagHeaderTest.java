package io.tributary.media.flv;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.codec.VideoCodec;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VideoTagHeaderTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("legacy AVC sequence header", bytes(
                        "17",                   // FrameType 1 (key), CodecID 7 (AVC)
                        "00",                   // AVCPacketType 0: sequence header
                        "000000"),              // CompositionTime 0
                        LegacyVideoTagHeader.avc(VideoFrameType.KEY_FRAME, AvcPacketType.SEQUENCE_HEADER, 0)),
                Arguments.of("legacy AVC inter frame", bytes(
                        "27",                   // FrameType 2 (inter), CodecID 7
                        "01",                   // AVCPacketType 1: NALU
                        "000043"),              // CompositionTime 67 ms
                        LegacyVideoTagHeader.avc(VideoFrameType.INTER_FRAME, AvcPacketType.NALU, 67)),
                Arguments.of("legacy AVC negative composition time", bytes(
                        "27",                   // FrameType 2, CodecID 7
                        "01",                   // NALU
                        "FFFFDF"),              // CompositionTime -33 ms (SI24)
                        LegacyVideoTagHeader.avc(VideoFrameType.INTER_FRAME, AvcPacketType.NALU, -33)),
                Arguments.of("legacy AVC end of sequence", bytes(
                        "17",                   // FrameType 1, CodecID 7
                        "02",                   // AVCPacketType 2: end of sequence
                        "000000"),              // CompositionTime 0
                        LegacyVideoTagHeader.avc(VideoFrameType.KEY_FRAME, AvcPacketType.END_OF_SEQUENCE, 0)),
                Arguments.of("legacy Sorenson H.263", bytes(
                        "12"),                  // FrameType 1, CodecID 2: nothing more in the header
                        new LegacyVideoTagHeader(VideoFrameType.KEY_FRAME, 2, null, 0, -1)),
                Arguments.of("legacy command frame", bytes(
                        "57",                   // FrameType 5 (command), CodecID 7
                        "01"),                  // command 1: end of client-side seek
                        new LegacyVideoTagHeader(VideoFrameType.COMMAND, 7, null, 0, 1)),
                Arguments.of("E-RTMP hvc1 SequenceStart", bytes(
                        "90",                   // IsExHeader 1, FrameType 1, PacketType 0 SequenceStart
                        "68766331"),            // FourCC 'hvc1'
                        ExVideoTagHeader.of(VideoFrameType.KEY_FRAME, VideoPacketType.SEQUENCE_START,
                                VideoCodec.HEVC, 0)),
                Arguments.of("E-RTMP hvc1 CodedFrames", bytes(
                        "91",                   // IsExHeader 1, FrameType 1, PacketType 1 CodedFrames
                        "68766331",             // FourCC 'hvc1'
                        "000043"),              // CompositionTime 67 ms
                        ExVideoTagHeader.of(VideoFrameType.KEY_FRAME, VideoPacketType.CODED_FRAMES,
                                VideoCodec.HEVC, 67)),
                Arguments.of("E-RTMP hvc1 CodedFramesX", bytes(
                        "A3",                   // IsExHeader 1, FrameType 2, PacketType 3 CodedFramesX
                        "68766331"),            // FourCC 'hvc1'; composition time implied 0
                        ExVideoTagHeader.of(VideoFrameType.INTER_FRAME, VideoPacketType.CODED_FRAMES_X,
                                VideoCodec.HEVC, 0)),
                Arguments.of("E-RTMP avc1 CodedFrames", bytes(
                        "A1",                   // IsExHeader 1, FrameType 2, PacketType 1
                        "61766331",             // FourCC 'avc1'
                        "FFFFDF"),              // CompositionTime -33 ms
                        ExVideoTagHeader.of(VideoFrameType.INTER_FRAME, VideoPacketType.CODED_FRAMES,
                                VideoCodec.AVC, -33)),
                Arguments.of("E-RTMP av01 CodedFrames has no composition time", bytes(
                        "91",                   // IsExHeader 1, FrameType 1, PacketType 1
                        "61763031"),            // FourCC 'av01'
                        ExVideoTagHeader.of(VideoFrameType.KEY_FRAME, VideoPacketType.CODED_FRAMES, VideoCodec.AV1, 0)),
                Arguments.of("E-RTMP vp09 SequenceEnd", bytes(
                        "92",                   // IsExHeader 1, FrameType 1, PacketType 2 SequenceEnd
                        "76703039"),            // FourCC 'vp09'
                        ExVideoTagHeader.of(VideoFrameType.KEY_FRAME, VideoPacketType.SEQUENCE_END, VideoCodec.VP9, 0)),
                Arguments.of("E-RTMP Metadata as FFmpeg writes it", bytes(
                        "D4",                   // IsExHeader 1, FrameType 5 (ignored), PacketType 4 Metadata
                        "68766331"),            // FourCC 'hvc1'
                        ExVideoTagHeader.of(VideoFrameType.COMMAND, VideoPacketType.METADATA, VideoCodec.HEVC, 0)),
                Arguments.of("E-RTMP Metadata with a reserved frame type", bytes(
                        "84",                   // IsExHeader 1, FrameType 0 (reserved, ignored), PacketType 4
                        "61763031"),            // FourCC 'av01'
                        new ExVideoTagHeader(null, VideoPacketType.METADATA, VideoCodec.AV1, 0, -1)),
                Arguments.of("E-RTMP MPEG2TSSequenceStart", bytes(
                        "95",                   // IsExHeader 1, FrameType 1, PacketType 5
                        "61763031"),            // FourCC 'av01'
                        ExVideoTagHeader.of(VideoFrameType.KEY_FRAME, VideoPacketType.MPEG2TS_SEQUENCE_START,
                                VideoCodec.AV1, 0)),
                Arguments.of("E-RTMP command frame has no FourCC", bytes(
                        "D0",                   // IsExHeader 1, FrameType 5 (command), PacketType 0
                        "00"),                  // command 0: start of client-side seek
                        new ExVideoTagHeader(VideoFrameType.COMMAND, VideoPacketType.SEQUENCE_START, null, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodes(String name, byte[] bytes, VideoTagHeader header) {
        VideoTagHeader parsed = VideoTagHeader.parse(bytes);
        assertEquals(header, parsed);
        assertEquals(bytes.length, parsed.length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodes(String name, byte[] bytes, VideoTagHeader header) {
        assertArrayEquals(bytes, header.toBytes());
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("empty body", bytes(""), "empty video tag"),
                Arguments.of("legacy reserved frame type", bytes("07", "00", "000000"), "reserved video FrameType 0"),
                Arguments.of("legacy reserved codec id", bytes("11"), "reserved video CodecID 1"),
                Arguments.of("legacy AVC header cut short", bytes("17", "00"), "needs 5 bytes"),
                Arguments.of("legacy unknown AVCPacketType", bytes("17", "03", "000000"), "unknown AVCPacketType 3"),
                Arguments.of("E-RTMP Multitrack", bytes("96", "00", "68766331"), "Multitrack"),
                Arguments.of("E-RTMP ModEx", bytes("97", "00"), "ModEx"),
                Arguments.of("E-RTMP reserved packet type", bytes("98", "68766331"),
                        "reserved E-RTMP VideoPacketType 8"),
                Arguments.of("E-RTMP unknown FourCC", bytes("90", "78787878"), "unknown E-RTMP video FourCC 'xxxx'"),
                Arguments.of("E-RTMP FourCC cut short", bytes("90", "6876"), "needs 5 bytes"),
                Arguments.of("E-RTMP CodedFrames without its composition time", bytes("91", "68766331", "00"),
                        "needs 8 bytes"),
                Arguments.of("E-RTMP reserved frame type", bytes("E1", "68766331", "000000"),
                        "reserved video FrameType 6"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, byte[] bytes, String reason) {
        FlvFormatException e = assertThrows(FlvFormatException.class, () -> VideoTagHeader.parse(bytes));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
