package io.tributary.thumbnail.render;

import static io.tributary.thumbnail.render.Av1Bits.bits;

import java.util.List;

/** Sequence header OBU payloads (AV1 specification §5.5.1) and what they say: the table the AV1 tests share. */
final class Av1SequenceHeaderCases {
    record Case(String name, byte[] payload, Av1SequenceHeader header) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Written by the bundled ffmpeg 7.1 with libsvtav1 2.2.0 (-preset 12) from testsrc2 640x360, in its av1C. */
    static final Case SVT_AV1_640X360 = new Case("libsvtav1 640x360", bits("""
            000           // seq_profile 0
            0             // still_picture
            0             // reduced_still_picture_header
            0             // timing_info_present_flag
            0             // initial_display_delay_present_flag
            00000         // operating_points_cnt_minus_1 0
            000000000000  // operating_point_idc[0]
            00001         // seq_level_idx[0] 1: no seq_tier
            1001          // frame_width_bits_minus_1 9
            1000          // frame_height_bits_minus_1 8
            1001111111    // max_frame_width_minus_1 639
            101100111     // max_frame_height_minus_1 359
            00000000101111100000000000010000  // the rest (coding tools, colour config, trailing bits): not read
            """), new Av1SequenceHeader(0, false, false, 640, 360));

    static final Case REDUCED_STILL_PICTURE_65536 = new Case("reduced still picture header, 65536x65536", bits("""
            001                 // seq_profile 1
            1                   // still_picture
            1                   // reduced_still_picture_header
            11111               // seq_level_idx[0] 31
            1111                // frame_width_bits_minus_1 15
            1111                // frame_height_bits_minus_1 15
            1111111111111111    // max_frame_width_minus_1 65535
            1111111111111111    // max_frame_height_minus_1 65535
            """), new Av1SequenceHeader(1, true, true, 65536, 65536));

    static final Case TIMING_DECODER_MODEL_TWO_OPERATING_POINTS = new Case(
            "timing info, decoder model, two operating points, 1920x1080", bits("""
            010                               // seq_profile 2
            0                                 // still_picture
            0                                 // reduced_still_picture_header
            1                                 // timing_info_present_flag
            00000000000000000000000000000001  // num_units_in_display_tick 1
            00000000000000000000000000011110  // time_scale 30
            1                                 // equal_picture_interval
            00100                             // num_ticks_per_picture_minus_1 uvlc 3: 2 zeros, 1, 2 bits 00
            1                                 // decoder_model_info_present_flag
            01001                             // buffer_delay_length_minus_1 9: delays of 10 bits
            00000000000000000000000000000001  // num_units_in_decoding_tick 1
            11111                             // buffer_removal_time_length_minus_1 31
            11111                             // frame_presentation_time_length_minus_1 31
            1                                 // initial_display_delay_present_flag
            00001                             // operating_points_cnt_minus_1 1
            000100000001                      // operating_point_idc[0]
            01000                             // seq_level_idx[0] 8
            1                                 // seq_tier[0] (level above 7)
            1                                 // decoder_model_present_for_this_op[0]
            0000000101                        // decoder_buffer_delay[0] 5
            0000000110                        // encoder_buffer_delay[0] 6
            1                                 // low_delay_mode_flag[0]
            1                                 // initial_display_delay_present_for_this_op[0]
            1001                              // initial_display_delay_minus_1[0] 9
            000000000001                      // operating_point_idc[1]
            00100                             // seq_level_idx[1] 4: no seq_tier
            0                                 // decoder_model_present_for_this_op[1]
            0                                 // initial_display_delay_present_for_this_op[1]
            1010                              // frame_width_bits_minus_1 10
            1010                              // frame_height_bits_minus_1 10
            11101111111                       // max_frame_width_minus_1 1919
            10000110111                       // max_frame_height_minus_1 1079
            """), new Av1SequenceHeader(2, false, false, 1920, 1080));

    /** What the reviewer's crafted stream declares: the largest size the syntax allows. */
    static final Case FULL_HEADER_65536 = new Case("full header, 65536x65536", bits("""
            000                 // seq_profile 0
            0                   // still_picture
            0                   // reduced_still_picture_header
            0                   // timing_info_present_flag
            0                   // initial_display_delay_present_flag
            00000               // operating_points_cnt_minus_1 0
            000000000000        // operating_point_idc[0]
            01000               // seq_level_idx[0] 8
            0                   // seq_tier[0]
            1111                // frame_width_bits_minus_1 15
            1111                // frame_height_bits_minus_1 15
            1111111111111111    // max_frame_width_minus_1 65535
            1111111111111111    // max_frame_height_minus_1 65535
            """), new Av1SequenceHeader(0, false, false, 65536, 65536));

    /** The decoder's limit, exactly: 8K UHD. */
    static final Case FULL_HEADER_7680X4320 = new Case("full header, 7680x4320", bits("""
            000                 // seq_profile 0
            0                   // still_picture
            0                   // reduced_still_picture_header
            0                   // timing_info_present_flag
            0                   // initial_display_delay_present_flag
            00000               // operating_points_cnt_minus_1 0
            000000000000        // operating_point_idc[0]
            10000               // seq_level_idx[0] 16
            0                   // seq_tier[0]
            1100                // frame_width_bits_minus_1 12
            1100                // frame_height_bits_minus_1 12
            1110111111111       // max_frame_width_minus_1 7679
            1000011011111       // max_frame_height_minus_1 4319
            """), new Av1SequenceHeader(0, false, false, 7680, 4320));

    static final List<Case> ALL = List.of(SVT_AV1_640X360, REDUCED_STILL_PICTURE_65536,
            TIMING_DECODER_MODEL_TWO_OPERATING_POINTS, FULL_HEADER_65536, FULL_HEADER_7680X4320);

    private Av1SequenceHeaderCases() {
    }
}
