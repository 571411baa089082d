package io.tributary.media.codec;

/**
 * The video codecs Tributary carries, named by their E-RTMP / ISO BMFF FourCC (Enhanced RTMP v1 and v2,
 * "Defining Additional Video Codecs"). AVC also arrives as legacy FLV CodecID 7.
 */
public enum VideoCodec {
    /** H.264, ISO 14496-10; configuration {@link AvcDecoderConfigurationRecord}. */
    AVC("avc1"),
    /** H.265, ISO 23008-2; configuration {@link HevcDecoderConfigurationRecord}. */
    HEVC("hvc1"),
    /** AV1; configuration {@link Av1CodecConfigurationRecord}. */
    AV1("av01"),
    /** VP9; configuration is a VPCodecConfigurationRecord (not parsed here). */
    VP9("vp09");

    private final String fourCc;
    private final int fourCcValue;

    VideoCodec(String fourCc) {
        this.fourCc = fourCc;
        this.fourCcValue = FourCc.value(fourCc);
    }

    public String fourCc() {
        return fourCc;
    }

    public int fourCcValue() {
        return fourCcValue;
    }

    /** The codec with this FourCC, or null. */
    public static VideoCodec fromFourCc(int value) {
        for (VideoCodec c : values()) {
            if (c.fourCcValue == value) {
                return c;
            }
        }
        return null;
    }
}
