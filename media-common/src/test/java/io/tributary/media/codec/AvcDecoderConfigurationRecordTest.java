package io.tributary.media.codec;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.RecordedVectors;
import io.tributary.media.codec.AvcCases.Case;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvcDecoderConfigurationRecordTest {

    static Stream<Case> records() {
        return AvcCases.records().stream();
    }

    @ParameterizedTest
    @MethodSource("records")
    void decodes(Case c) {
        assertEquals(c.record(), AvcDecoderConfigurationRecord.parse(c.bytes()));
    }

    @ParameterizedTest
    @MethodSource("records")
    void encodes(Case c) {
        assertArrayEquals(c.bytes(), c.record().toBytes());
    }

    @Test
    void theTableHoldsTheSequenceHeadersOfTheRecordings() {
        assertArrayEquals(AvcCases.records().get(0).bytes(),
                SequenceHeaders.video(RecordedVectors.GSTREAMER_H264_AAC).payload());
        assertArrayEquals(AvcCases.records().get(1).bytes(),
                SequenceHeaders.video(RecordedVectors.FFMPEG_H264_AAC).payload());
    }

    /** Expected values: ffprobe -show_streams of the recordings (see PROVENANCE.md): h264 High, level 30, 640x360. */
    @Test
    void namesTheRecordedStreamAsFfprobeDoes() {
        AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(
                SequenceHeaders.video(RecordedVectors.FFMPEG_H264_AAC).payload());
        assertEquals("avc1.64001e", r.codecString());
        assertEquals(640, r.width());
        assertEquals(360, r.height());
        assertEquals(30.0, r.frameRate());
        assertEquals(VideoCodec.AVC, r.codec());
        AvcSequenceParameterSet sps = r.sps();
        assertEquals(100, sps.profileIdc());
        assertEquals(30, sps.levelIdc());
        assertEquals(1, sps.chromaFormatIdc());
        assertEquals(8, sps.bitDepthLuma());
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("version 0", bytes("00 64001E FF E1 0004 67640000 01 0001 68"), "version 0"),
                Arguments.of("no SPS", bytes("01 64001E FF E0 00"), "without an SPS"),
                Arguments.of("SPS longer than the record", bytes("01 64001E FF E1 00FF 6764"), "truncated"),
                Arguments.of("empty", bytes(""), "truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, byte[] bytes, String reason) {
        CodecConfigException e = assertThrows(CodecConfigException.class, () ->
                AvcDecoderConfigurationRecord.parse(bytes));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
