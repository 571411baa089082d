package io.tributary.media.codec;

/**
 * What Tributary reads from an H.264 sequence parameter set (ISO 14496-10 §7.3.2.1.1 and VUI §E.1.1): profile,
 * level, chroma format and bit depth, the coded and the displayed size, and the frame rate from the VUI timing info.
 *
 * @param codedWidth  PicWidthInMbs × 16 (§7.4.2.1.1): the size a decoder allocates for, before frame cropping
 * @param codedHeight FrameHeightInMbs × 16 (§7.4.2.1.1, two map units per macroblock pair when fields are coded)
 * @param width       codedWidth less the frame cropping
 * @param height      codedHeight less the frame cropping
 * @param frameRate   time_scale / (2 × num_units_in_tick), 0 when the VUI has no timing info (or a VUI this
 *                    parser cannot follow: the VUI is optional, the picture size is not)
 */
public record AvcSequenceParameterSet(int profileIdc, int constraintSetFlags, int levelIdc, int chromaFormatIdc,
                                      int bitDepthLuma, int bitDepthChroma, int codedWidth, int codedHeight, int width,
                                      int height, double frameRate) {

    /** Profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices (§7.3.2.1.1). */
    private static final int[] HIGH_PROFILES = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135};
    private static final int MAX_MBS = VideoDecoderConfiguration.MAX_DIMENSION / 16;
    /** nal_unit_type of a sequence parameter set. */
    public static final int NAL_TYPE_SPS = 7;

    public static AvcSequenceParameterSet parse(NalUnit nal) {
        if (nal.avcType() != NAL_TYPE_SPS) {
            throw new CodecConfigException("not an H.264 SPS: nal_unit_type " + nal.avcType());
        }
        byte[] rbsp = nal.rbsp(1);
        BitReader r = new BitReader(rbsp, "H.264 SPS");
        int profileIdc = r.u8();
        int constraintSetFlags = r.u8();
        int levelIdc = r.u8();
        r.ue(); // seq_parameter_set_id
        int chromaFormatIdc = 1;
        boolean separateColourPlane = false;
        int bitDepthLuma = 8;
        int bitDepthChroma = 8;
        if (isHighProfile(profileIdc)) {
            chromaFormatIdc = r.ue();
            if (chromaFormatIdc > 3) {
                throw new CodecConfigException("H.264 SPS chroma_format_idc " + chromaFormatIdc);
            }
            if (chromaFormatIdc == 3) {
                separateColourPlane = r.flag();
            }
            bitDepthLuma = 8 + r.ue();
            bitDepthChroma = 8 + r.ue();
            r.skip(1); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.flag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue(); // log2_max_frame_num_minus4
        int picOrderCntType = r.ue();
        if (picOrderCntType == 0) {
            r.ue(); // log2_max_pic_order_cnt_lsb_minus4
        } else if (picOrderCntType == 1) {
            r.skip(1); // delta_pic_order_always_zero_flag
            r.se(); // offset_for_non_ref_pic
            r.se(); // offset_for_top_to_bottom_field
            int cycle = r.ue();
            if (cycle > 255) {
                throw new CodecConfigException("H.264 SPS num_ref_frames_in_pic_order_cnt_cycle " + cycle);
            }
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        }
        r.ue(); // max_num_ref_frames
        r.skip(1); // gaps_in_frame_num_value_allowed_flag
        // in long: ue() may be Integer.MAX_VALUE, and its + 1 must not wrap below the bound
        long widthMbs = r.ue() + 1L;
        long heightMapUnits = r.ue() + 1L;
        if (widthMbs > MAX_MBS || heightMapUnits > MAX_MBS) {
            throw new CodecConfigException("H.264 SPS picture larger than " + VideoDecoderConfiguration.MAX_DIMENSION
                    + " pixels");
        }
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) {
            r.skip(1); // mb_adaptive_frame_field_flag
        }
        r.skip(1); // direct_8x8_inference_flag
        int codedWidth = (int) widthMbs * 16;
        int codedHeight = (frameMbsOnly ? 1 : 2) * (int) heightMapUnits * 16;
        int width = codedWidth;
        int height = codedHeight;
        if (r.flag()) { // frame_cropping_flag
            int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
            int cropUnitX = chromaArrayType == 0 ? 1 : (chromaFormatIdc == 3 ? 1 : 2);
            int cropUnitY = (chromaArrayType == 0 ? 1 : (chromaFormatIdc == 1 ? 2 : 1)) * (frameMbsOnly ? 1 : 2);
            long cropX = (long) cropUnitX * ((long) r.ue() + r.ue());
            long cropY = (long) cropUnitY * ((long) r.ue() + r.ue());
            if (cropX >= width || cropY >= height) {
                throw new CodecConfigException("H.264 SPS crops the whole picture away");
            }
            width -= (int) cropX;
            height -= (int) cropY;
        }
        double frameRate = 0;
        if (r.flag()) { // vui_parameters_present_flag
            try {
                frameRate = vuiFrameRate(r);
            } catch (CodecConfigException ignored) {
                // a VUI cut short says nothing about the picture size; the frame rate stays unknown
            }
        }
        return new AvcSequenceParameterSet(profileIdc, constraintSetFlags, levelIdc, chromaFormatIdc, bitDepthLuma,
                bitDepthChroma, codedWidth, codedHeight, width, height, frameRate);
    }

    private static boolean isHighProfile(int profileIdc) {
        for (int p : HIGH_PROFILES) {
            if (p == profileIdc) {
                return true;
            }
        }
        return false;
    }

    /** scaling_list() (§7.3.2.1.1.1): only the delta_scale codes need reading to skip it. */
    private static void skipScalingList(BitReader r, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + r.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    /** Reads vui_parameters() (§E.1.1) up to timing_info. */
    private static double vuiFrameRate(BitReader r) {
        if (r.flag()) { // aspect_ratio_info_present_flag
            if (r.u8() == 255) { // Extended_SAR
                r.skip(32); // sar_width, sar_height
            }
        }
        if (r.flag()) { // overscan_info_present_flag
            r.skip(1);
        }
        if (r.flag()) { // video_signal_type_present_flag
            r.skip(4); // video_format, video_full_range_flag
            if (r.flag()) { // colour_description_present_flag
                r.skip(24);
            }
        }
        if (r.flag()) { // chroma_loc_info_present_flag
            r.ue();
            r.ue();
        }
        if (!r.flag()) { // timing_info_present_flag
            return 0;
        }
        long numUnitsInTick = r.bits(32);
        long timeScale = r.bits(32);
        return numUnitsInTick == 0 ? 0 : timeScale / (2.0 * numUnitsInTick);
    }
}
