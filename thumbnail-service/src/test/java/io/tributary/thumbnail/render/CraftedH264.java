package io.tributary.thumbnail.render;

import io.tributary.media.codec.AvcDecoderConfigurationRecord;
import io.tributary.media.codec.NalUnit;
import io.tributary.media.codec.VideoCodec;
import java.util.List;

/**
 * A hand-made H.264 stream of any declared size (ITU-T H.264 §7.3.2.1.1 SPS, §7.3.2.2 PPS, §7.3.3 slice header):
 * Baseline, one SPS and PPS in an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1), an IDR slice whose
 * macroblock data is a few arbitrary bytes. Enough for a decoder to read the picture size and start the picture.
 */
final class CraftedH264 {
    private CraftedH264() {
    }

    static Keyframe keyframe(int width, int height) {
        return new Keyframe(VideoCodec.AVC, configuration(sps(width, height)), Rbsp.sample(idr()), 0);
    }

    /**
     * The stream of an encoder that repeats its parameter sets: an honest configuration record, and a keyframe
     * whose own SPS (read by the decoder before the slice) declares another size.
     */
    static Keyframe keyframeWithItsOwnSps(int width, int height) {
        return new Keyframe(VideoCodec.AVC, configuration(sps(640, 368)),
                Rbsp.sample(sps(width, height), pps(), idr()), 0);
    }

    static byte[] sps(int width, int height) {
        return Rbsp.nal(new byte[] {0x67}, new Rbsp()
                .u(8, 66)                 // profile_idc: Baseline
                .u(8, 0)                  // constraint_set0..5_flag, reserved_zero_2bits
                .u(8, 62)                 // level_idc 6.2
                .ue(0)                    // seq_parameter_set_id
                .ue(0)                    // log2_max_frame_num_minus4: frame_num has 4 bits
                .ue(2)                    // pic_order_cnt_type 2: nothing more in the slice header
                .ue(1)                    // max_num_ref_frames
                .u(1, 0)                  // gaps_in_frame_num_value_allowed_flag
                .ue(width / 16 - 1)       // pic_width_in_mbs_minus1
                .ue(height / 16 - 1)      // pic_height_in_map_units_minus1
                .u(1, 1)                  // frame_mbs_only_flag
                .u(1, 1)                  // direct_8x8_inference_flag
                .u(1, 0)                  // frame_cropping_flag
                .u(1, 0)                  // vui_parameters_present_flag
                .trailing());
    }

    private static byte[] pps() {
        return Rbsp.nal(new byte[] {0x68}, new Rbsp()
                .ue(0)                    // pic_parameter_set_id
                .ue(0)                    // seq_parameter_set_id
                .u(1, 0)                  // entropy_coding_mode_flag: CAVLC
                .u(1, 0)                  // bottom_field_pic_order_in_frame_present_flag
                .ue(0)                    // num_slice_groups_minus1
                .ue(0)                    // num_ref_idx_l0_default_active_minus1
                .ue(0)                    // num_ref_idx_l1_default_active_minus1
                .u(1, 0)                  // weighted_pred_flag
                .u(2, 0)                  // weighted_bipred_idc
                .se(0)                    // pic_init_qp_minus26
                .se(0)                    // pic_init_qs_minus26
                .se(0)                    // chroma_qp_index_offset
                .u(1, 0)                  // deblocking_filter_control_present_flag
                .u(1, 0)                  // constrained_intra_pred_flag
                .u(1, 0)                  // redundant_pic_cnt_present_flag
                .trailing());
    }

    private static byte[] idr() {
        return Rbsp.nal(new byte[] {0x65}, new Rbsp()
                .ue(0)                    // first_mb_in_slice
                .ue(7)                    // slice_type: I, all slices
                .ue(0)                    // pic_parameter_set_id
                .u(4, 0)                  // frame_num
                .ue(0)                    // idr_pic_id
                .u(1, 0)                  // no_output_of_prior_pics_flag
                .u(1, 0)                  // long_term_reference_flag
                .se(0)                    // slice_qp_delta
                .u(32, 0x9A3C5E71)        // macroblock data: arbitrary
                .trailing());
    }

    /** Baseline 6.2 (as the SPS says), 4-byte NAL unit lengths, this SPS and the PPS. */
    private static byte[] configuration(byte[] sps) {
        return new AvcDecoderConfigurationRecord(1, 66, 0, 62, 3, List.of(new NalUnit(sps)),
                List.of(new NalUnit(pps())), null).toBytes();
    }
}
