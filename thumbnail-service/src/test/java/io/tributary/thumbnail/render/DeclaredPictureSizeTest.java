package io.tributary.thumbnail.render;

import static io.tributary.thumbnail.render.Av1Bits.concat;
import static io.tributary.thumbnail.render.Av1Bits.obu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.codec.HevcDecoderConfigurationRecord;
import io.tributary.media.codec.HevcDecoderConfigurationRecord.NalUnitArray;
import io.tributary.media.codec.NalUnit;
import io.tributary.media.codec.VideoCodec;
import io.tributary.thumbnail.render.Av1SequenceHeaderCases.Case;
import io.tributary.thumbnail.render.DeclaredPictureSize.Declared;
import java.util.Arrays;
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
    /** An H.265 IDR_W_RADL slice NAL unit (type 19): not read. */
    private static final byte[] HEVC_IDR = HexFormat.of().parseHex("2601af0940");

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

    /** An hvcC (ISO/IEC 14496-15 §8.3.3.1) of Main 6.2 with 4-byte NAL unit lengths and these SPS. */
    private static byte[] hvcC(byte[]... sps) {
        return hvcC(HevcDecoderConfigurationRecord.NAL_TYPE_SPS, sps);
    }

    /** The same hvcC with these NAL units in one array that says they are of {@code arrayType}. */
    private static byte[] hvcC(int arrayType, byte[]... nalUnits) {
        List<NalUnit> nals = Arrays.stream(nalUnits).map(NalUnit::new).toList();
        return new HevcDecoderConfigurationRecord(1, 0, false, 1, 0x60000000, 0x900000000000L, 186, 0, 0, 1, 0, 0, 0, 0,
                1, true, 3, List.of(new NalUnitArray(true, arrayType, nals))).toBytes();
    }

    private static Keyframe hevc(byte[] configuration, byte[] data) {
        return new Keyframe(VideoCodec.HEVC, configuration, data, 0);
    }

    private static RenderFailure rejected(Keyframe keyframe) {
        return rejected(keyframe, RejectReason.UNDECODABLE);
    }

    private static RenderFailure rejected(Keyframe keyframe, RejectReason reason) {
        RenderFailure failure = assertThrows(RenderFailure.class,
                () -> DeclaredPictureSize.requireAtMost(KeyframeDecoder.MAX_PIXELS, keyframe));
        assertEquals(reason, failure.rejected().reason(), failure::getMessage);
        return failure;
    }

    private static void accepted(Keyframe keyframe) throws RenderFailure {
        DeclaredPictureSize.requireAtMost(KeyframeDecoder.MAX_PIXELS, keyframe);
    }

    // AV1: libaom sizes its buffers from the sequence header

    @Test
    void readsTheSequenceHeadersOfTheConfigurationRecordAndOfTheKeyframe() throws Exception {
        Keyframe keyframe = av1(configuration(Av1SequenceHeaderCases.SVT_AV1_640X360),
                temporalUnit(Av1SequenceHeaderCases.FULL_HEADER_7680X4320));

        assertEquals(List.of(new Declared(640, 360, "sequence header in the configuration record"),
                        new Declared(7680, 4320, "sequence header in the keyframe")),
                DeclaredPictureSize.of(keyframe));
    }

    @Test
    void acceptsAnAv1StreamUpTo8kUhd() throws Exception {
        accepted(av1(configuration(Av1SequenceHeaderCases.SVT_AV1_640X360),
                temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));
        accepted(av1(configuration(Av1SequenceHeaderCases.FULL_HEADER_7680X4320),
                temporalUnit(Av1SequenceHeaderCases.FULL_HEADER_7680X4320)));
        // an empty configuration record (no configOBUs to be had): the keyframe's own sequence header
        accepted(av1(new byte[0], temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));
        // a configuration record without configOBUs, a keyframe with its sequence header
        accepted(av1(AV1C_HEADER, temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));
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
        assertTrue(failure.getMessage().contains("7680x4320 (sequence header in the configuration record)"),
                failure.getMessage());
    }

    @Test
    void rejectsAnAv1KeyframeWithoutASequenceHeaderAnywhere() {
        rejected(av1(AV1C_HEADER, concat(TEMPORAL_DELIMITER, FRAME)));
    }

    @Test
    void rejectsAnAv1ConfigurationRecordThatIsNotOne() {
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
            Keyframe cut = av1(AV1C_HEADER, Arrays.copyOf(unit, length));
            try {
                accepted(cut);
            } catch (RenderFailure e) {
                assertEquals(RejectReason.UNDECODABLE, e.rejected().reason());
            }
        }
    }

    @Test
    void rejectsAv1Garbage() {
        rejected(av1(HexFormat.of().parseHex("ffffffff"), temporalUnit(Av1SequenceHeaderCases.SVT_AV1_640X360)));
        rejected(av1(AV1C_HEADER, HexFormat.of().parseHex("ffffffffffff"))); // obu_forbidden_bit
        // obu_size leb128 with its continuation bit set in all 8 bytes
        rejected(av1(AV1C_HEADER, HexFormat.of().parseHex("0affffffffffffffff01")));
    }

    // H.264: FFmpeg's h264 sizes its per-macroblock tables from the SPS

    @Test
    void readsTheCodedSizeOfEverySpsOfAnH264Stream() throws Exception {
        assertEquals(List.of(new Declared(1920, 1088, "SPS in the configuration record")),
                DeclaredPictureSize.of(CraftedH264.keyframe(1920, 1088)));
        assertEquals(List.of(new Declared(640, 368, "SPS in the configuration record"),
                        new Declared(1280, 720, "SPS in the keyframe")),
                DeclaredPictureSize.of(CraftedH264.keyframeWithItsOwnSps(1280, 720)));
    }

    @Test
    void acceptsAnH264StreamUpTo8kUhd() throws Exception {
        accepted(CraftedH264.keyframe(7680, 4320));
        accepted(CraftedH264.keyframeWithItsOwnSps(7680, 4320));
    }

    @Test
    void rejectsAnH264ConfigurationRecordDeclaring16000x16000() {
        // the largest size FFmpeg's av_image_check_size lets through: its per-macroblock tables would come first
        RenderFailure failure = rejected(CraftedH264.keyframe(16000, 16000));

        assertTrue(failure.getMessage().contains("16000x16000 (SPS in the configuration record)"),
                failure.getMessage());
    }

    @Test
    void rejectsAnH264KeyframeWhoseOwnSpsDeclares16000x16000() {
        RenderFailure failure = rejected(CraftedH264.keyframeWithItsOwnSps(16000, 16000));

        assertTrue(failure.getMessage().contains("16000x16000 (SPS in the keyframe)"), failure.getMessage());
    }

    @Test
    void rejectsAnH264SpsLargerThanMediaCommonReads() {
        // 65536x65536: FFmpeg refuses it when it reads the SPS; media-common refuses it first (MAX_DIMENSION)
        RenderFailure failure = rejected(CraftedH264.keyframe(65536, 65536));

        assertTrue(failure.getMessage().contains("larger than 16384 pixels"), failure.getMessage());
    }

    @Test
    void rejectsAnH264KeyframeWhoseNalUnitLengthsRunPastItsEnd() {
        Keyframe keyframe = CraftedH264.keyframeWithItsOwnSps(1280, 720);

        rejected(new Keyframe(VideoCodec.AVC, keyframe.configuration(),
                Arrays.copyOf(keyframe.data(), keyframe.data().length - 1), 0), RejectReason.DAMAGED);
    }

    @Test
    void rejectsAnUnreadableH264ConfigurationRecordOrSps() {
        Keyframe keyframe = CraftedH264.keyframe(1920, 1088);
        byte[] cutInTheSps = Arrays.copyOf(keyframe.configuration(), 12);
        cutInTheSps[7] = 5; // the SPS length: 5 bytes, all of them there, ending before the size
        byte[] cutSample = Rbsp.sample(Arrays.copyOf(CraftedH264.sps(1920, 1088), 5));

        rejected(new Keyframe(VideoCodec.AVC, new byte[0], keyframe.data(), 0));
        rejected(new Keyframe(VideoCodec.AVC, cutInTheSps, keyframe.data(), 0));
        rejected(new Keyframe(VideoCodec.AVC, keyframe.configuration(), cutSample, 0));
    }

    @Test
    void givesSizesOrARejectionForAnH264KeyframeCutAnywhereOrWithAnyByteFlipped() {
        Keyframe keyframe = CraftedH264.keyframeWithItsOwnSps(1280, 720);
        byte[] data = keyframe.data();
        for (int at = 0; at < data.length; at++) {
            checksOrRejects(new Keyframe(VideoCodec.AVC, keyframe.configuration(), Arrays.copyOf(data, at), 0));
            byte[] flipped = data.clone();
            flipped[at] ^= (byte) 0xFF;
            checksOrRejects(new Keyframe(VideoCodec.AVC, keyframe.configuration(), flipped, 0));
        }
    }

    // HEVC: FFmpeg's hevc sizes its per-block arrays from the SPS

    @Test
    void readsTheCodedSizeOfEverySpsOfAnHevcStream() throws Exception {
        Keyframe keyframe = hevc(hvcC(CraftedHevc.sps(640, 360), CraftedHevc.sps(1280, 720)),
                Rbsp.sample(CraftedHevc.sps(1920, 1080), HEVC_IDR));

        assertEquals(List.of(new Declared(640, 360, "SPS in the configuration record"),
                        new Declared(1280, 720, "SPS in the configuration record"),
                        new Declared(1920, 1080, "SPS in the keyframe")),
                DeclaredPictureSize.of(keyframe));
    }

    @Test
    void acceptsAnHevcStreamUpTo8kUhd() throws Exception {
        accepted(hevc(hvcC(CraftedHevc.sps(7680, 4320)), Rbsp.sample(CraftedHevc.sps(7680, 4320), HEVC_IDR)));
    }

    @Test
    void rejectsAnHevcSpsDeclaring16000x16000InTheConfigurationRecordOrTheKeyframe() {
        RenderFailure inRecord = rejected(hevc(hvcC(CraftedHevc.sps(16000, 16000)), Rbsp.sample(HEVC_IDR)));
        RenderFailure inKeyframe = rejected(hevc(hvcC(CraftedHevc.sps(640, 360)),
                Rbsp.sample(CraftedHevc.sps(16000, 16000), HEVC_IDR)));

        assertTrue(inRecord.getMessage().contains("16000x16000 (SPS in the configuration record)"),
                inRecord.getMessage());
        assertTrue(inKeyframe.getMessage().contains("16000x16000 (SPS in the keyframe)"), inKeyframe.getMessage());
    }

    @Test
    void readsAnHevcSpsWhereverTheRecordPutsIt() throws Exception {
        // FFmpeg decodes each NAL unit of an hvcC by its own type, whatever the array's NAL_unit_type says
        byte[] record = hvcC(HevcDecoderConfigurationRecord.NAL_TYPE_PPS, CraftedHevc.sps(16000, 16000));

        rejected(hevc(record, Rbsp.sample(HEVC_IDR)));
    }

    @Test
    void rejectsAnHevcSpsOfAnotherLayer() {
        RenderFailure failure = rejected(hevc(hvcC(CraftedHevc.sps(640, 360)),
                Rbsp.sample(CraftedHevc.sps(640, 360, 1), HEVC_IDR)));

        assertTrue(failure.getMessage().contains("layer 1"), failure.getMessage());
    }

    @Test
    void rejectsAnHevcKeyframeWhoseNalUnitLengthsRunPastItsEnd() {
        byte[] data = Rbsp.sample(CraftedHevc.sps(640, 360), HEVC_IDR);

        rejected(hevc(hvcC(CraftedHevc.sps(640, 360)), Arrays.copyOf(data, data.length - 1)), RejectReason.DAMAGED);
    }

    @Test
    void givesSizesOrARejectionForAnHevcKeyframeCutAnywhereOrWithAnyByteFlipped() {
        byte[] configuration = hvcC(CraftedHevc.sps(640, 360));
        byte[] data = Rbsp.sample(CraftedHevc.sps(1280, 720), HEVC_IDR);
        for (int at = 0; at < data.length; at++) {
            checksOrRejects(hevc(configuration, Arrays.copyOf(data, at)));
            byte[] flipped = data.clone();
            flipped[at] ^= (byte) 0xFF;
            checksOrRejects(hevc(configuration, flipped));
        }
        for (int at = 0; at < configuration.length; at++) {
            checksOrRejects(hevc(Arrays.copyOf(configuration, at), data));
            byte[] flipped = configuration.clone();
            flipped[at] ^= (byte) 0xFF;
            checksOrRejects(hevc(flipped, data));
        }
    }

    @Test
    void leavesVp9ToItsDecoder() throws Exception {
        // FFmpeg's vp9 reads the size from each frame header and checks it before allocating
        assertEquals(List.of(), DeclaredPictureSize.of(
                new Keyframe(VideoCodec.VP9, new byte[] {1}, new byte[] {(byte) 0xFF}, 0)));
    }

    /** A value or a RenderFailure: nothing else may come out of the check, whatever the bytes. */
    private static void checksOrRejects(Keyframe keyframe) {
        try {
            for (Declared declared : DeclaredPictureSize.of(keyframe)) {
                assertTrue(declared.width() >= 1 && declared.height() >= 1, declared::toString);
            }
        } catch (RenderFailure expected) {
            // UNDECODABLE or DAMAGED, with the reason
        }
    }
}
