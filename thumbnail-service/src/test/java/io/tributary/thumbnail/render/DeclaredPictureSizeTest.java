package io.tributary.thumbnail.render;

import static io.tributary.thumbnail.render.Av1Bits.concat;
import static io.tributary.thumbnail.render.Av1Bits.obu;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.codec.VideoCodec;
import io.tributary.thumbnail.render.Av1SequenceHeaderCases.Case;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredPictureSizeTest {
    private static final int OBU_SEQUENCE_HEADER = 1;
    private static final int OBU_TEMPORAL_DELIMITER = 2;
    private static final int OBU_FRAME = 6;
    /** av1-isobmff §2.3.3, as libsvtav1 via ffmpeg wrote it for 8-bit 4:2:0 main profile, level 2.1. */
    private static final byte[] AV1C_HEADER = HexFormat.of().parseHex(""
            + "81" // marker 1, version 1
            + "01" // seq_profile 0, seq_level_idx_0 1
            + "0c" // seq_tier_0 0, high_bitdepth 0, twelve_bit 0, monochrome 0, chroma_subsampling_x 1, _y 1, 00
            + "00"); // reserved, initial_presentation_delay_present 0
    private static final byte[] TEMPORAL_DELIMITER = obu(OBU_TEMPORAL_DELIMITER, new byte[0]);
    /** A frame OBU's bytes are not read: any will do. */
    private static final byte[] FRAME = obu(OBU_FRAME, new byte[] {0x10, 0x00, 0x7F});

    private static byte[] sequenceHeader(Case c) {
        return obu(OBU_SEQUENCE_HEADER, c.payload());
    }

    private static byte[] configuration(Case c) {
        return concat(AV1C_HEADER, sequenceHeader(c));
    }

    /** A temporal unit as ffmpeg puts one in FLV: temporal delimiter, sequence header, frame. */
    private static byte[] temporalUnit(Case c) {
        return concat(TEMPORAL_DELIMITER, sequenceHeader(c), FRAME);
    }

    private static Keyframe av1(byte[] configuration, byte[] data) {
        return new Keyframe(VideoCodec.AV1, configuration, data, 0);
    }

    private static RenderFailure rejected(Keyframe keyframe) {
        RenderFailure failure = assertThrows(RenderFailure.class,
                () -> DeclaredPictureSize.requireAtMost(KeyframeDecoder.MAX_PIXELS, keyframe));
        assertEquals(RejectReason.UNDECODABLE, failure.rejected().reason());
        return failure;
    }

    @Test
    void readsTheSequenceHeadersOfTheConfigurationRecordAndOfTheKeyframe() {
        Keyframe keyframe = av1(configuration(Av1SequenceHeaderCases.SVT_AV1_640X360),
                temporalUnit(Av1SequenceHeaderCases.TIMING_DECODER_MODEL_TWO_OPERATING_POINTS));

        assertEquals(List.of(Av1SequenceHeaderCases.SVT_AV1_640X360.header(),
                        Av1SequenceHeaderCases.TIMING_DECODER_MODEL_TWO_OPERATING_POINTS.header()),
                DeclaredPictureSize.av1SequenceHeaders(keyframe));
    }

    @Test
    void acceptsAnAv1StreamUpTo8kUhd() throws Exception {
        DeclaredPictureSize.requireAtMost(KeyframeDecoder.MAX_PIXELS, av1(configuration(
                Av1SequenceHeaderCases.SVT_AV1_640X360), temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));
        DeclaredPictureSize.requireAtMost(KeyframeDecoder.MAX_PIXELS, av1(configuration(
                Av1SequenceHeaderCases.FULL_HEADER_7680X4320), temporalUnit(Av1SequenceHeaderCases.FULL_HEADER_7680X4320)));
        // an empty configuration record (no configOBUs to be had): the keyframe's own sequence header
        DeclaredPictureSize.requireAtMost(KeyframeDecoder.MAX_PIXELS,
                av1(new byte[0], temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));
        // a configuration record without configOBUs, a keyframe with its sequence header
        DeclaredPictureSize.requireAtMost(KeyframeDecoder.MAX_PIXELS,
                av1(AV1C_HEADER, temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));
    }

    @Test
    void rejectsAConfigurationRecordDeclaring65536x65536BeforeDecoding() {
        RenderFailure failure = rejected(av1(configuration(Av1SequenceHeaderCases.FULL_HEADER_65536),
                temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));

        assertTrue(failure.getMessage().contains("65536x65536"), failure.getMessage());
    }

    @Test
    void rejectsAKeyframeDeclaring65536x65536BehindAnHonestConfigurationRecord() {
        // libaom decodes with the sequence header in the packet, whatever the configuration record said
        rejected(av1(configuration(Av1SequenceHeaderCases.SVT_AV1_640X360),
                temporalUnit(Av1SequenceHeaderCases.FULL_HEADER_65536)));
        rejected(av1(new byte[0], temporalUnit(Av1SequenceHeaderCases.REDUCED_STILL_PICTURE_65536)));
    }

    @Test
    void rejectsOnePixelAboveTheLimit() {
        Keyframe keyframe = av1(configuration(Av1SequenceHeaderCases.FULL_HEADER_7680X4320),
                temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360));

        RenderFailure failure = assertThrows(RenderFailure.class,
                () -> DeclaredPictureSize.requireAtMost(7680L * 4320 - 1, keyframe));
        assertEquals(RejectReason.UNDECODABLE, failure.rejected().reason());
    }

    @Test
    void rejectsAnAv1KeyframeWithoutASequenceHeaderAnywhere() {
        rejected(av1(AV1C_HEADER, concat(TEMPORAL_DELIMITER, FRAME)));
    }

    @Test
    void rejectsAConfigurationRecordThatIsNotOne() {
        byte[] version2 = configuration(Av1SequenceHeaderCases.SVT_AV1_640X360);
        version2[0] = (byte) 0x82;

        rejected(av1(version2, temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));
        rejected(av1(new byte[] {(byte) 0x81, 0x01}, temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));
    }

    @Test
    void rejectsObusThatRunPastTheEnd() {
        byte[] unit = temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360);
        byte[] oversized = unit.clone();
        oversized[3] = 0x7F; // the sequence header's obu_size: 127 bytes, more than there are

        rejected(av1(AV1C_HEADER, oversized));
        for (int length = 1; length < unit.length; length++) {
            Keyframe cut = av1(AV1C_HEADER, java.util.Arrays.copyOf(unit, length));
            try {
                DeclaredPictureSize.requireAtMost(KeyframeDecoder.MAX_PIXELS, cut);
            } catch (RenderFailure e) {
                assertEquals(RejectReason.UNDECODABLE, e.rejected().reason());
            }
        }
    }

    @Test
    void rejectsGarbage() {
        rejected(av1(HexFormat.of().parseHex("ffffffff"), temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));
        rejected(av1(AV1C_HEADER, HexFormat.of().parseHex("ffffffffffff"))); // obu_forbidden_bit
        // obu_size leb128 with its continuation bit set in all 8 bytes
        rejected(av1(AV1C_HEADER, HexFormat.of().parseHex("0a ff ff ff ff ff ff ff ff 01".replace(" ", ""))));
    }

    @Test
    void walksObuExtensionHeadersMultiByteSizesAndALastObuWithoutSize() {
        byte[] payload = Av1SequenceHeaderCases.SVT_AV1_640X360.payload();
        byte[] data = concat(
                new byte[] {0x16, 0x00, 0x00},              // frame header with obu_extension_flag, size 0
                new byte[] {0x0A, (byte) (0x80 | payload.length), 0x00}, // sequence header, obu_size in 2 bytes
                payload,
                new byte[] {0x08},                           // sequence header without obu_has_size_field: the rest
                Av1SequenceHeaderCases.FULL_HEADER_7680X4320.payload());

        assertEquals(List.of(Av1SequenceHeaderCases.SVT_AV1_640X360.header(),
                Av1SequenceHeaderCases.FULL_HEADER_7680X4320.header()), Av1Obus.sequenceHeaders(data, 0));
    }

    @Test
    void leavesOtherCodecsToTheirDecoders() {
        // FFmpeg's h264, hevc and vp9 decoders check the declared size before allocating (JpegRendererIT)
        for (VideoCodec codec : List.of(VideoCodec.AVC, VideoCodec.HEVC, VideoCodec.VP9)) {
            assertDoesNotThrow(() -> DeclaredPictureSize.requireAtMost(KeyframeDecoder.MAX_PIXELS,
                    new Keyframe(codec, new byte[] {1}, new byte[] {(byte) 0xFF}, 0)));
        }
    }
}
