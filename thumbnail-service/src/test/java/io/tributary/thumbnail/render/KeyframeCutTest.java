package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopRecordException;
import io.tributary.media.gop.GopRecordWriter;
import java.io.ByteArrayOutputStream;
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
    void cutsTheKeyframeAndItsSequenceHeaderOutOfAGop() {
        byte[] gop = record(AVC_SEQUENCE_HEADER, AAC_SEQUENCE_HEADER, KEYFRAME, AAC_FRAME, INTER);

        Keyframe keyframe = KeyframeCut.first(gop).orElseThrow();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(bytes("464C56 01"));              // FLV header: signature, version 1
        expected.writeBytes(bytes("01"));                     // TypeFlagsVideo only: the audio is left behind
        expected.writeBytes(bytes("00000009"));               // DataOffset
        expected.writeBytes(bytes("00000000"));               // PreviousTagSize0
        expected.writeBytes(bytes("09 00000B 0003E8 00 000000")); // video tag, 11 bytes, at the keyframe's 1000 ms
        expected.writeBytes(bytes("17 00 000000 01640028ffe1"));  // the AVC sequence header
        expected.writeBytes(bytes("00000016"));               // PreviousTagSize = 11 + 11
        expected.writeBytes(bytes("09 00000D 0003E8 00 000000")); // video tag, 13 bytes, at 1000 ms
        expected.writeBytes(bytes("17 01 000028 0000000365888480")); // the keyframe, CompositionTime 40 ms
        expected.writeBytes(bytes("00000018"));               // PreviousTagSize = 11 + 13
        assertArrayEquals(expected.toByteArray(), keyframe.flv());
        assertEquals(1040, keyframe.ptsMillis(), "presentation time = 1000 ms + CompositionTime 40 ms");
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
