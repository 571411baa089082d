package io.tributary.media.codec;

/**
 * A video decoder configuration as a sequence header carries it, with what a player and a manifest need to know.
 */
public sealed interface VideoDecoderConfiguration
        permits AvcDecoderConfigurationRecord, HevcDecoderConfigurationRecord, Av1CodecConfigurationRecord {

    /** Twice 8K UHD: no RTMP encoder sends larger pictures, and width × height stays far inside an int. */
    int MAX_DIMENSION = 16_384;

    VideoCodec codec();

    /** RFC 6381 codecs parameter ({@code avc1.64001f}, {@code hvc1.1.6.L93.B0}, {@code av01.0.04M.08}). */
    String codecString();

    /** Displayed width in pixels (cropping applied), 0 when the configuration does not say. */
    int width();

    /** Displayed height in pixels (cropping applied), 0 when the configuration does not say. */
    int height();

    /** Frames per second signalled in the bitstream, 0 when it is not. */
    double frameRate();

    /** The record as bytes, as an MP4 sample entry box or an FLV sequence header carries it. */
    byte[] toBytes();

    /** Parses the sequence header payload of {@code codec}; VP9 is not supported. */
    static VideoDecoderConfiguration parse(VideoCodec codec, byte[] payload) {
        switch (codec) {
            case AVC:
                return AvcDecoderConfigurationRecord.parse(payload);
            case HEVC:
                return HevcDecoderConfigurationRecord.parse(payload);
            case AV1:
                return Av1CodecConfigurationRecord.parse(payload);
            default:
                throw new CodecConfigException(codec + " decoder configuration is not supported");
        }
    }
}
