package io.tributary.thumbnail.render;

import io.tributary.media.codec.VideoCodec;

/**
 * One keyframe ready for a decoder: what FFmpeg's decoder is opened with and the one packet it is given.
 *
 * @param codec         the video codec, from the keyframe's tag header (legacy AVC or the E-RTMP FourCC)
 * @param configuration the decoder configuration record of the stream's video sequence header
 *                      (AVCDecoderConfigurationRecord, HEVCDecoderConfigurationRecord, AV1CodecConfigurationRecord):
 *                      FFmpeg's {@code extradata}
 * @param data          the keyframe's coded data: length-prefixed NAL units (AVC, HEVC) or OBUs (AV1)
 * @param ptsMillis     presentation time of the keyframe in the session's media time
 */
public record Keyframe(VideoCodec codec, byte[] configuration, byte[] data, long ptsMillis) {

    @Override
    public String toString() {
        return "Keyframe[" + codec + " at " + ptsMillis + " ms, configuration " + configuration.length + " bytes, data "
                + data.length + " bytes]";
    }
}
