package io.tributary.media.codec;

/**
 * What Tributary reads from an H.265 sequence parameter set (ISO 23008-2 §7.3.2.2.1): chroma format, the coded
 * size and the displayed size after the conformance window. Parsing stops there.
 */
public record HevcSequenceParameterSet(int chromaFormatIdc, int codedWidth, int codedHeight, int width, int height) {

    public static HevcSequenceParameterSet parse(NalUnit nal) {
        if (nal.hevcType() != HevcDecoderConfigurationRecord.NAL_TYPE_SPS) {
            throw new CodecConfigException("not an H.265 SPS: nal_unit_type " + nal.hevcType());
        }
        BitReader r = new BitReader(nal.rbsp(2), "H.265 SPS");
        r.skip(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.u(3);
        r.skip(1); // sps_temporal_id_nesting_flag
        skipProfileTierLevel(r, maxSubLayersMinus1);
        r.ue(); // sps_seq_parameter_set_id
        int chromaFormatIdc = r.ue();
        if (chromaFormatIdc > 3) {
            throw new CodecConfigException("H.265 SPS chroma_format_idc " + chromaFormatIdc);
        }
        boolean separateColourPlane = chromaFormatIdc == 3 && r.flag();
        int codedWidth = r.ue();
        int codedHeight = r.ue();
        if (codedWidth == 0 || codedHeight == 0 || codedWidth > VideoDecoderConfiguration.MAX_DIMENSION
                || codedHeight > VideoDecoderConfiguration.MAX_DIMENSION) {
            throw new CodecConfigException("H.265 SPS picture size " + codedWidth + "x" + codedHeight);
        }
        int width = codedWidth;
        int height = codedHeight;
        if (r.flag()) { // conformance_window_flag
            // Table 6-1: SubWidthC and SubHeightC, both 1 when the colour planes are coded separately
            int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
            int subWidthC = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
            int subHeightC = chromaArrayType == 1 ? 2 : 1;
            long cropX = (long) subWidthC * ((long) r.ue() + r.ue());
            long cropY = (long) subHeightC * ((long) r.ue() + r.ue());
            if (cropX >= width || cropY >= height) {
                throw new CodecConfigException("H.265 SPS conformance window crops the whole picture away");
            }
            width -= (int) cropX;
            height -= (int) cropY;
        }
        return new HevcSequenceParameterSet(chromaFormatIdc, codedWidth, codedHeight, width, height);
    }

    /** profile_tier_level(1, maxNumSubLayersMinus1) (§7.3.3). */
    private static void skipProfileTierLevel(BitReader r, int maxSubLayersMinus1) {
        r.skip(88); // general profile space, tier, idc, 32 compatibility flags, 48 constraint bits
        r.skip(8); // general_level_idc
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.flag();
            levelPresent[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2L * (8 - maxSubLayersMinus1)); // reserved_zero_2bits
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (profilePresent[i]) {
                r.skip(88);
            }
            if (levelPresent[i]) {
                r.skip(8);
            }
        }
    }
}
