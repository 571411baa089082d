package io.tributary.media.codec;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.RecordedVectors;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Av1CodecConfigurationRecordTest {

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("FFmpeg 7.1 libsvtav1 320x180 (recorded)", bytes(
                        "81",                   // marker 1, version 1
                        "00",                   // seq_profile 0 (Main), seq_level_idx_0 0 (level 2.0)
                        "0C",                   // tier 0, 8-bit, colour, chroma_subsampling_x 1, _y 1, position 0
                        "00",                   // reserved, initial_presentation_delay_present 0
                        "0A",                   // OBU header: type 1 (sequence header), has_size_field
                        "0B",                   // obu_size 11 (leb128)
                        "000000043CFECC02F80040"), // sequence_header_obu()
                        new Av1CodecConfigurationRecord(0, 0, 0, false, false, false, true, true, 0, false, 0,
                                bytes("0A0B000000043CFECC02F80040"))),
                Arguments.of("Main 10-bit, high tier level 5.1, presentation delay 3, no OBUs", bytes(
                        "81",                   // marker 1, version 1
                        "0D",                   // seq_profile 0, seq_level_idx_0 13
                        "CC",                   // tier 1, high_bitdepth 1, twelve_bit 0, colour, 4:2:0, position 0
                        "12"),                  // reserved, initial_presentation_delay_present 1, minus_one 2
                        new Av1CodecConfigurationRecord(0, 13, 1, true, false, false, true, true, 0, true, 2,
                                new byte[0])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void decodes(String name, byte[] bytes, Av1CodecConfigurationRecord record) {
        assertEquals(record, Av1CodecConfigurationRecord.parse(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void encodes(String name, byte[] bytes, Av1CodecConfigurationRecord record) {
        assertArrayEquals(bytes, record.toBytes());
    }

    /** Expected values: ffprobe -show_streams of ffmpeg71-av1-aac: av1 Main, level 0, 320x180, 8-bit 4:2:0. */
    @Test
    void readsTheRecordedSequenceHeader() {
        byte[] payload = SequenceHeaders.video(RecordedVectors.FFMPEG_AV1_AAC).payload();
        Av1CodecConfigurationRecord r = Av1CodecConfigurationRecord.parse(payload);
        assertArrayEquals(payload, r.toBytes());
        assertEquals("av01.0.00M.08", r.codecString());
        assertEquals(320, r.width());
        assertEquals(180, r.height());
        assertEquals(0.0, r.frameRate());
        assertEquals(VideoCodec.AV1, r.codec());
    }

    @Test
    void writesTierAndBitDepthIntoTheCodecString() {
        Av1CodecConfigurationRecord r = Av1CodecConfigurationRecord.parse(bytes("81 0D CC 12"));
        assertEquals("av01.0.13H.10", r.codecString());
        assertEquals(0, r.width());
        assertNull(r.sequenceHeader());
    }

    @Test
    void readsTimingInfoForTheFrameRate() {
        // sequence header: profile 0, timing_info with 1/30 s ticks and one tick per picture, no decoder model,
        // one operating point at level 8, 1280x720
        byte[] obu = AvcSequenceParameterSetTest.bits(
                "000" + "0" + "0"               // seq_profile, still_picture, reduced_still_picture_header
                + "1"                           // timing_info_present_flag
                + "00000000000000000000000000000001" // num_units_in_display_tick 1
                + "00000000000000000000000000011110" // time_scale 30
                + "1" + "1"                     // equal_picture_interval, uvlc 0: one tick per picture
                + "0"                           // decoder_model_info_present_flag
                + "0"                           // initial_display_delay_present_flag
                + "00000"                       // operating_points_cnt_minus_1 0
                + "000000000000" + "01000" + "0" // operating_point_idc, seq_level_idx 8, seq_tier 0
                + "1010" + "1001"               // frame_width_bits 11, frame_height_bits 10
                + "10011111111" + "1011001111"); // 1279, 719
        Av1SequenceHeader h = Av1SequenceHeader.parse(obu, 0, obu.length);
        assertEquals(new Av1SequenceHeader(0, 1280, 720, 30.0), h);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("marker 0", bytes("01 00 0C 00"), "marker/version 0/1"),
                Arguments.of("version 2", bytes("82 00 0C 00"), "marker/version 1/2"),
                Arguments.of("cut short", bytes("81 00"), "truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, byte[] bytes, String reason) {
        CodecConfigException e = assertThrows(CodecConfigException.class, () ->
                Av1CodecConfigurationRecord.parse(bytes));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void rejectsAnObuLongerThanTheRecord() {
        Av1CodecConfigurationRecord r = Av1CodecConfigurationRecord.parse(bytes("81 00 0C 00", "0A 7F 00"));
        assertThrows(CodecConfigException.class, r::width);
    }
}
