package io.tributary.thumbnail.render;

/**
 * Reads a sequence header OBU's payload (AV1 specification §5.5.1 {@code sequence_header_obu}) as far as
 * {@code max_frame_height_minus_1}: the fields before it only to know how many bits they take. What follows (coding
 * tools, colour config) is not read; a payload that ends before the frame size is truncated.
 */
final class Av1SequenceHeaderReader {
    private Av1SequenceHeaderReader() {
    }

    /** @throws Av1FormatException if the payload ends before the frame size */
    static Av1SequenceHeader read(byte[] bytes, int offset, int length) {
        Av1BitReader in = new Av1BitReader(bytes, offset, length);
        int seqProfile = (int) in.f(3, "seq_profile");
        boolean stillPicture = in.flag("still_picture");
        boolean reducedStillPictureHeader = in.flag("reduced_still_picture_header");
        if (reducedStillPictureHeader) {
            in.f(5, "seq_level_idx[0]");
        } else {
            skipTimingAndOperatingPoints(in);
        }
        int frameWidthBits = (int) in.f(4, "frame_width_bits_minus_1") + 1;
        int frameHeightBits = (int) in.f(4, "frame_height_bits_minus_1") + 1;
        int maxFrameWidth = (int) in.f(frameWidthBits, "max_frame_width_minus_1") + 1;
        int maxFrameHeight = (int) in.f(frameHeightBits, "max_frame_height_minus_1") + 1;
        return new Av1SequenceHeader(seqProfile, stillPicture, reducedStillPictureHeader, maxFrameWidth,
                maxFrameHeight);
    }

    /** §5.5.1, the {@code else} branch of {@code reduced_still_picture_header}: §5.5.3-5.5.5 included. */
    private static void skipTimingAndOperatingPoints(Av1BitReader in) {
        boolean decoderModelInfoPresent = false;
        int bufferDelayLength = 0;
        if (in.flag("timing_info_present_flag")) {
            // §5.5.3 timing_info()
            in.f(32, "num_units_in_display_tick");
            in.f(32, "time_scale");
            if (in.flag("equal_picture_interval")) {
                in.uvlc("num_ticks_per_picture_minus_1");
            }
            decoderModelInfoPresent = in.flag("decoder_model_info_present_flag");
            if (decoderModelInfoPresent) {
                // §5.5.4 decoder_model_info()
                bufferDelayLength = (int) in.f(5, "buffer_delay_length_minus_1") + 1;
                in.f(32, "num_units_in_decoding_tick");
                in.f(5, "buffer_removal_time_length_minus_1");
                in.f(5, "frame_presentation_time_length_minus_1");
            }
        }
        boolean initialDisplayDelayPresent = in.flag("initial_display_delay_present_flag");
        int operatingPoints = (int) in.f(5, "operating_points_cnt_minus_1") + 1;
        for (int i = 0; i < operatingPoints; i++) {
            in.f(12, "operating_point_idc[i]");
            long seqLevelIdx = in.f(5, "seq_level_idx[i]");
            if (seqLevelIdx > 7) {
                in.f(1, "seq_tier[i]");
            }
            if (decoderModelInfoPresent && in.flag("decoder_model_present_for_this_op[i]")) {
                // §5.5.5 operating_parameters_info(i)
                in.f(bufferDelayLength, "decoder_buffer_delay[i]");
                in.f(bufferDelayLength, "encoder_buffer_delay[i]");
                in.f(1, "low_delay_mode_flag[i]");
            }
            if (initialDisplayDelayPresent && in.flag("initial_display_delay_present_for_this_op[i]")) {
                in.f(4, "initial_display_delay_minus_1[i]");
            }
        }
    }
}
