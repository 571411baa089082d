package io.tributary.thumbnail.render;

import static io.tributary.thumbnail.render.Av1Bits.bits;

/**
 * Sequence header OBU payloads (AV1 specification §5.5.1) and the largest frame size they declare: the streams the
 * picture size check is tried with (media-common's Av1SequenceHeaderTest tests the parsing).
 */
final class Av1SequenceHeaderCases {
    /** @param maxFrameWidth with maxFrameHeight, the size the payload declares ({@code max_frame_*_minus_1 + 1}) */
    record Case(String name, byte[] payload, int maxFrameWidth, int maxFrameHeight) {
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
            """), 640, 360);

    static final Case REDUCED_STILL_PICTURE_65536 = new Case("reduced still picture header, 65536x65536", bits("""
            001                 // seq_profile 1
            1                   // still_picture
            1                   // reduced_still_picture_header
            11111               // seq_level_idx[0] 31
            1111                // frame_width_bits_minus_1 15
            1111                // frame_height_bits_minus_1 15
            1111111111111111    // max_frame_width_minus_1 65535
            1111111111111111    // max_frame_height_minus_1 65535
            """), 65536, 65536);

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
            """), 65536, 65536);

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
            """), 7680, 4320);

    private Av1SequenceHeaderCases() {
    }
}
