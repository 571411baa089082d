package io.tributary.thumbnail.render;

import io.tributary.media.codec.HevcDecoderConfigurationRecord;

/**
 * A hand-made H.265 sequence parameter set of any declared size (ITU-T H.265 §7.3.2.2.1, version 1 syntax): Main
 * profile 4:2:0, 64x64 CTBs, no VUI. What a crafted stream would put in its HEVCDecoderConfigurationRecord or before
 * its IDR picture to make the decoder size its arrays.
 */
final class CraftedHevc {
    private CraftedHevc() {
    }

    static byte[] sps(int width, int height) {
        return sps(width, height, 0);
    }

    /** @param layerId nuh_layer_id: 0 for the base layer, which is all a single-layer stream has */
    static byte[] sps(int width, int height, int layerId) {
        byte[] header = {
            // forbidden_zero_bit, nal_unit_type, nuh_layer_id high bit
            (byte) (HevcDecoderConfigurationRecord.NAL_TYPE_SPS << 1 | layerId >>> 5),
            (byte) ((layerId & 0x1F) << 3 | 1) // nuh_layer_id low bits, nuh_temporal_id_plus1 1
        };
        return Rbsp.nal(header, new Rbsp()
                .u(4, 0)                  // sps_video_parameter_set_id
                .u(3, 0)                  // sps_max_sub_layers_minus1
                .u(1, 1)                  // sps_temporal_id_nesting_flag
                // profile_tier_level(1, 0), §7.3.3
                .u(2, 0)                  // general_profile_space
                .u(1, 0)                  // general_tier_flag
                .u(5, 1)                  // general_profile_idc: Main
                .u(32, 0x60000000L)       // general_profile_compatibility_flag[1] and [2]
                .u(4, 0b1001)             // progressive_source, interlaced_source, non_packed, frame_only
                .u(44, 0)                 // general_reserved_zero_43bits, general_inbld_flag
                .u(8, 186)                // general_level_idc: 6.2
                .ue(0)                    // sps_seq_parameter_set_id
                .ue(1)                    // chroma_format_idc: 4:2:0
                .ue(width)                // pic_width_in_luma_samples
                .ue(height)               // pic_height_in_luma_samples
                .u(1, 0)                  // conformance_window_flag
                .ue(0)                    // bit_depth_luma_minus8
                .ue(0)                    // bit_depth_chroma_minus8
                .ue(4)                    // log2_max_pic_order_cnt_lsb_minus4
                .u(1, 1)                  // sps_sub_layer_ordering_info_present_flag
                .ue(0)                    // sps_max_dec_pic_buffering_minus1[0]
                .ue(0)                    // sps_max_num_reorder_pics[0]
                .ue(0)                    // sps_max_latency_increase_plus1[0]
                .ue(0)                    // log2_min_luma_coding_block_size_minus3: 8x8 CUs
                .ue(3)                    // log2_diff_max_min_luma_coding_block_size: 64x64 CTBs
                .ue(0)                    // log2_min_luma_transform_block_size_minus2
                .ue(3)                    // log2_diff_max_min_luma_transform_block_size
                .ue(0)                    // max_transform_hierarchy_depth_inter
                .ue(0)                    // max_transform_hierarchy_depth_intra
                .u(1, 0)                  // scaling_list_enabled_flag
                .u(1, 0)                  // amp_enabled_flag
                .u(1, 0)                  // sample_adaptive_offset_enabled_flag
                .u(1, 0)                  // pcm_enabled_flag
                .ue(0)                    // num_short_term_ref_pic_sets
                .u(1, 0)                  // long_term_ref_pics_present_flag
                .u(1, 0)                  // sps_temporal_mvp_enabled_flag
                .u(1, 0)                  // strong_intra_smoothing_enabled_flag
                .u(1, 0)                  // vui_parameters_present_flag
                .u(1, 0)                  // sps_extension_present_flag
                .trailing());
    }
}
