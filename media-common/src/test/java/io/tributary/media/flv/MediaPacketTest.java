package io.tributary.media.flv;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.codec.AudioCodec;
import io.tributary.media.codec.VideoCodec;
import io.tributary.media.flv.VideoPacket.Kind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The normalised view is the same for legacy and E-RTMP tags. */
class MediaPacketTest {

    @Test
    void legacyAndEnhancedAvcKeyframesLookTheSame() {
        VideoPacket legacy = new VideoTag(2000, bytes("17 01 000021", "00000002 0910")).packet();
        VideoPacket enhanced = new VideoTag(2000, bytes("91 61766331 000021", "00000002 0910")).packet();
        assertEquals(legacy, enhanced);
        assertEquals(VideoCodec.AVC, legacy.codec());
        assertEquals(Kind.CODED_FRAMES, legacy.kind());
        assertTrue(legacy.keyframe());
        assertEquals(2000, legacy.dts());
        assertEquals(33, legacy.compositionTimeOffset());
        assertEquals(2033, legacy.pts());
        assertArrayEquals(bytes("00000002 0910"), legacy.payload());
    }

    @Test
    void sequenceHeadersAreNotKeyframes() {
        VideoPacket p = new VideoTag(0, bytes("90 68766331", "0101")).packet();
        assertTrue(p.isSequenceHeader());
        assertFalse(p.keyframe());
        assertEquals(VideoCodec.HEVC, p.codec());
        assertArrayEquals(bytes("0101"), p.payload());
    }

    @Test
    void generatedKeyFramesAreKeyframesAndInterFramesAreNot() {
        assertTrue(new VideoTag(0, bytes("C1 61763031", "12")).packet().keyframe());
        assertFalse(new VideoTag(0, bytes("A3 61763031", "12")).packet().keyframe());
    }

    @Test
    void metadataAndCommandPacketsAreNeitherMediaNorKeyframes() {
        VideoPacket meta = new VideoTag(0, bytes("D4 68766331", "0200")).packet();
        assertEquals(Kind.METADATA, meta.kind());
        assertFalse(meta.keyframe());
        VideoPacket command = new VideoTag(0, bytes("D0 01")).packet();
        assertEquals(Kind.COMMAND, command.kind());
        assertNull(command.codec());
        assertEquals(Kind.SEQUENCE_END, new VideoTag(0, bytes("17 02 000000")).packet().kind());
    }

    @Test
    void rejectsLegacyVideoCodecsOtherThanAvc() {
        FlvFormatException e = assertThrows(FlvFormatException.class, () -> new VideoTag(0, bytes("12 00")).packet());
        assertTrue(e.getMessage().contains("CodecID 2"), e.getMessage());
    }

    @Test
    void legacyAndEnhancedAacLookTheSame() {
        AudioPacket legacy = new AudioTag(46, bytes("AF 00", "1190")).packet();
        AudioPacket enhanced = new AudioTag(46, bytes("90 6D703461", "1190")).packet();
        assertEquals(legacy, enhanced);
        assertEquals(AudioCodec.AAC, legacy.codec());
        assertTrue(legacy.isSequenceHeader());
        assertArrayEquals(bytes("1190"), legacy.payload());
    }

    @Test
    void opusAndMp3FramesCarryTheirPayload() {
        AudioPacket opus = new AudioTag(20, bytes("91 4F707573", "FC")).packet();
        assertEquals(AudioCodec.OPUS, opus.codec());
        assertEquals(AudioPacket.Kind.CODED_FRAMES, opus.kind());
        AudioPacket mp3 = new AudioTag(20, bytes("2E", "FFFB")).packet();
        assertEquals(AudioCodec.MP3, mp3.codec());
        assertArrayEquals(bytes("FFFB"), mp3.payload());
    }

    @Test
    void rejectsDeviceSpecificSound() {
        assertThrows(FlvFormatException.class, () -> new AudioTag(0, bytes("F0 00")).packet());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"17 01 000021 00000002 0910", "91 61766331 000021 00000002 0910", "90 68766331 0101",
            "C1 61763031 12", "A3 61763031 12", "D4 68766331 0200", "D0 01", "17 02 000000", "27 01 FFFFFE 0102"})
    void videoPacketHeaderSaysWhatThePacketSaysWithoutThePayload(String hex) {
        VideoTag tag = new VideoTag(500, bytes(hex));
        VideoPacket packet = tag.packet();
        VideoPacketHeader header = tag.packetHeader();
        assertEquals(new VideoPacketHeader(packet.codec(), packet.kind(), packet.keyframe(),
                packet.compositionTimeOffset(), tag.body().length - packet.payload().length), header);
        assertEquals(packet.isSequenceHeader(), header.isSequenceHeader());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AF 00 1190", "AF 01 21", "90 6D703461 1190", "91 4F707573 FC", "2E FFFB"})
    void audioPacketHeaderSaysWhatThePacketSaysWithoutThePayload(String hex) {
        AudioTag tag = new AudioTag(500, bytes(hex));
        AudioPacket packet = tag.packet();
        assertEquals(new AudioPacketHeader(packet.codec(), packet.kind(), tag.body().length - packet.payload().length),
                tag.packetHeader());
    }

    @Test
    void packetHeadersRejectWhatPacketsReject() {
        assertThrows(FlvFormatException.class, () -> new VideoTag(0, bytes("12 00")).packetHeader());
        assertThrows(FlvFormatException.class, () -> new AudioTag(0, bytes("F0 00")).packetHeader());
        assertThrows(FlvFormatException.class, () -> new VideoTag(0, bytes("17 01")).packetHeader());
    }

    @Test
    void buildsTagsFromAHeaderAndAPayload() {
        VideoTag v = VideoTag.of(40, LegacyVideoTagHeader.avc(VideoFrameType.INTER_FRAME, AvcPacketType.NALU, 0),
                bytes("0102"));
        assertArrayEquals(bytes("27 01 000000 0102"), v.body());
        AudioTag a = AudioTag.of(40, new ExAudioTagHeader(AudioPacketType.CODED_FRAMES, AudioCodec.OPUS), bytes("FC"));
        assertArrayEquals(bytes("91 4F707573 FC"), a.body());
    }
}
