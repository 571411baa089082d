package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.codec.VideoCodec;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopRecordException;
import io.tributary.media.gop.GopRecordWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyframeCutTest {
    // FLV 10.1 §E.4.3.1 VideoTagHeader, legacy AVC: FrameType(4) CodecID(4), AVCPacketType, CompositionTime (SI24)
    private static final VideoTag AVC_SEQUENCE_HEADER = video(0, "17 00 000000 01640028ffe1");
    private static final VideoTag KEYFRAME = video(1000, "17 01 000028 0000000365888480");
    private static final VideoTag INTER = video(1040, "27 01 000050 000000024188");
    // §E.4.2.1 AudioTagHeader: AAC (10), 48 kHz flag, 16 bit, stereo = 0xAF; AACPacketType
    private static final AudioTag AAC_SEQUENCE_HEADER = audio(0, "AF 00 1190");
    private static final AudioTag AAC_FRAME = audio(1000, "AF 01 21100504");

    private static VideoTag video(long ts, String hex) {
        return new VideoTag(ts, bytes(hex));
    }

    private static AudioTag audio(long ts, String hex) {
        return new AudioTag(ts, bytes(hex));
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    private static byte[] record(VideoTag videoSequenceHeader, AudioTag audioSequenceHeader, FlvTag... tags) {
        return GopRecordWriter.write(new GopContent(null, videoSequenceHeader, audioSequenceHeader, List.of(tags)));
    }

    @Test
    void cutsTheKeyframeAndItsDecoderConfigurationOutOfAGop() {
        byte[] gop = record(AVC_SEQUENCE_HEADER, AAC_SEQUENCE_HEADER, KEYFRAME, AAC_FRAME, INTER);

        Keyframe keyframe = KeyframeCut.first(gop).orElseThrow();

        assertEquals(VideoCodec.AVC, keyframe.codec());
        // the AVCDecoderConfigurationRecord: the sequence header's body after its 5-byte header
        assertArrayEquals(bytes("01640028ffe1"), keyframe.configuration());
        // the keyframe's NAL units, length-prefixed: its body after its 5-byte header
        assertArrayEquals(bytes("0000000365888480"), keyframe.data());
        assertEquals(1040, keyframe.ptsMillis(), "presentation time = 1000 ms + CompositionTime 40 ms");
    }

    @Test
    void cutsAnEnhancedRtmpKeyframeWithItsCodecFromTheFourCc() {
        // Enhanced RTMP v2 ExVideoTagHeader: IsExHeader(1) FrameType(3) PacketType(4), then the FourCC;
        // CodedFrames (1) has a CompositionTime (SI24), CodedFramesX (3) has none
        VideoTag sequenceStart = video(0, "90 68766331 0102030405");    // key, SequenceStart, 'hvc1', hvcC bytes
        VideoTag codedFramesX = video(1000, "93 68766331 000000022601"); // key, CodedFramesX, 'hvc1', one NAL unit
        byte[] gop = record(sequenceStart, null, codedFramesX);

        Keyframe keyframe = KeyframeCut.first(gop).orElseThrow();

        assertEquals(VideoCodec.HEVC, keyframe.codec());
        assertArrayEquals(bytes("0102030405"), keyframe.configuration());
        assertArrayEquals(bytes("000000022601"), keyframe.data());
        assertEquals(1000, keyframe.ptsMillis());
    }

    @Test
    void rejectsAKeyframeOfAnotherCodecThanTheSequenceHeader() {
        VideoTag av1Keyframe = video(1000, "93 61763031 0a0b"); // key, CodedFramesX, 'av01'
        GopRecordException e = assertThrows(GopRecordException.class,
                () -> KeyframeCut.first(record(AVC_SEQUENCE_HEADER, null, av1Keyframe)));
        assertTrue(e.getMessage().contains("AV1") && e.getMessage().contains("AVC"), e.getMessage());
    }

    @Test
    void takesTheFirstKeyframeAfterLeadingInterFrames() {
        VideoTag later = video(2000, "17 01 000000 00000003658884");
        byte[] gop = record(AVC_SEQUENCE_HEADER, null, INTER, later);

        assertEquals(2000, KeyframeCut.first(gop).orElseThrow().ptsMillis());
    }

    @Test
    void findsNoKeyframeWhereThereIsNoVideo() {
        assertEquals(Optional.empty(), KeyframeCut.first(record(null, AAC_SEQUENCE_HEADER, AAC_FRAME)), "audio only");
        assertEquals(Optional.empty(), KeyframeCut.first(record(AVC_SEQUENCE_HEADER, AAC_SEQUENCE_HEADER)),
                "an end-of-session record without tags");
        assertEquals(Optional.empty(), KeyframeCut.first(record(AVC_SEQUENCE_HEADER, null, INTER)),
                "a continuation without a keyframe");
    }

    @Test
    void rejectsAKeyframeWithoutASequenceHeader() {
        GopRecordException e = assertThrows(GopRecordException.class,
                () -> KeyframeCut.first(record(null, AAC_SEQUENCE_HEADER, KEYFRAME)));
        assertTrue(e.getMessage().contains("sequence header"), e.getMessage());
    }

    @Test
    void rejectsBytesThatAreNotAGopRecord() {
        assertThrows(GopRecordException.class, () -> KeyframeCut.first(bytes("00112233445566778899")));
    }

    @Test
    void givesAKeyframeNothingOrItsOwnExceptionForARecordCutAnywhere() {
        byte[] gop = record(AVC_SEQUENCE_HEADER, AAC_SEQUENCE_HEADER, KEYFRAME, AAC_FRAME, INTER);
        for (int cut = 0; cut < gop.length; cut++) {
            byte[] truncated = Arrays.copyOf(gop, cut);
            try {
                KeyframeCut.first(truncated);
            } catch (GopRecordException expected) {
                // the one allowed failure
            }
        }
        for (int i = 0; i < gop.length; i++) {
            byte[] flipped = gop.clone();
            flipped[i] ^= (byte) 0xFF;
            try {
                KeyframeCut.first(flipped);
            } catch (GopRecordException expected) {
                // the one allowed failure
            }
        }
    }
}
