package io.tributary.media.codec;

/** An audio decoder configuration as a sequence header carries it. */
public sealed interface AudioDecoderConfiguration permits AudioSpecificConfig, OpusHead {

    AudioCodec codec();

    /** RFC 6381 codecs parameter ({@code mp4a.40.2}, {@code opus}). */
    String codecString();

    /** Output sample rate in Hz, 0 when the configuration does not say. */
    int sampleRate();

    /** Output channel count, 0 when the configuration does not say. */
    int channels();

    byte[] toBytes();

    /** Parses the sequence header payload of {@code codec}; only AAC and Opus are supported. */
    static AudioDecoderConfiguration parse(AudioCodec codec, byte[] payload) {
        switch (codec) {
            case AAC:
                return AudioSpecificConfig.parse(payload);
            case OPUS:
                return OpusHead.parse(payload);
            default:
                throw new CodecConfigException(codec + " decoder configuration is not supported");
        }
    }
}
