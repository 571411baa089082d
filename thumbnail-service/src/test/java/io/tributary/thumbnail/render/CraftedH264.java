package io.tributary.thumbnail.render;

import io.tributary.media.codec.VideoCodec;
import java.io.ByteArrayOutputStream;

/**
 * A hand-made H.264 stream of any declared size (ITU-T H.264 §7.3.2.1.1 SPS, §7.3.2.2 PPS, §7.3.3 slice header):
 * Baseline, one SPS and PPS in an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1), an IDR slice whose
 * macroblock data is a few arbitrary bytes. Enough for a decoder to read the picture size and start the picture.
 */
final class CraftedH264 {
    private CraftedH264() {
    }

    static Keyframe keyframe(int width, int height) {
        byte[] sps = nal(0x67, new Bits()
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
        byte[] pps = nal(0x68, new Bits()
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
        byte[] idr = nal(0x65, new Bits()
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
        ByteArrayOutputStream configuration = new ByteArrayOutputStream();
        configuration.writeBytes(new byte[] {1, 66, 0, 62, (byte) 0xFF, (byte) 0xE1}); // version, profile,
        // compatibility, level, lengthSizeMinusOne 3, numOfSequenceParameterSets 1
        configuration.write(sps.length >>> 8);
        configuration.write(sps.length);
        configuration.writeBytes(sps);
        configuration.write(1); // numOfPictureParameterSets
        configuration.write(pps.length >>> 8);
        configuration.write(pps.length);
        configuration.writeBytes(pps);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(new byte[] {(byte) (idr.length >>> 24), (byte) (idr.length >>> 16), (byte) (idr.length >>> 8),
                (byte) idr.length});
        data.writeBytes(idr);
        return new Keyframe(VideoCodec.AVC, configuration.toByteArray(), data.toByteArray(), 0);
    }

    /** The NAL unit header, then the RBSP with emulation prevention bytes (§7.4.1: 0x000003 before 0x0000xx, xx < 4). */
    private static byte[] nal(int header, byte[] rbsp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        int zeros = 0;
        for (byte b : rbsp) {
            if (zeros >= 2 && (b & 0xFF) <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }

    /** §7.2 u(n), ue(v), se(v), rbsp_trailing_bits(). */
    private static final class Bits {
        private final StringBuilder bits = new StringBuilder();

        Bits u(int n, long value) {
            for (int i = n - 1; i >= 0; i--) {
                bits.append((value >>> i) & 1);
            }
            return this;
        }

        Bits ue(long value) {
            int length = 64 - Long.numberOfLeadingZeros(value + 1);
            u(length - 1, 0);
            return u(length, value + 1);
        }

        Bits se(long value) {
            return ue(value > 0 ? 2 * value - 1 : -2 * value);
        }

        /** rbsp_stop_one_bit, then zeros to the byte. */
        byte[] trailing() {
            return Av1Bits.bits(bits.append('1').toString());
        }
    }
}
