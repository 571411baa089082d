package io.tributary.media.flv;

import io.tributary.media.codec.VideoCodec;

import java.util.Arrays;

/**
 * A video tag seen the same way whether it came with a legacy or an E-RTMP header: what a packager, a GOP
 * assembler or a thumbnailer needs, without knowing FLV.
 *
 * @param codec                 null only for an E-RTMP command frame (which names no codec)
 * @param keyframe              a coded frame a decoder can start from (FrameType 1 or 4); false for everything
 *                              that is not {@link Kind#CODED_FRAMES}, sequence headers included
 * @param dts                   the tag timestamp, milliseconds
 * @param compositionTimeOffset pts - dts in milliseconds (0 where the header has no CompositionTime)
 * @param payload               the codec data after the header: the AVCDecoderConfigurationRecord /
 *                              HEVCDecoderConfigurationRecord / AV1CodecConfigurationRecord of a sequence header,
 *                              length-prefixed NAL units (AVC, HEVC) or OBUs (AV1) of coded frames, AMF of metadata
 */
public record VideoPacket(VideoCodec codec, Kind kind, boolean keyframe, long dts, int compositionTimeOffset,
                          byte[] payload) {

    public enum Kind {
        /** Legacy AVC sequence header or E-RTMP SequenceStart: the decoder configuration record. */
        SEQUENCE_HEADER,
        /** Legacy AVC NALU or E-RTMP CodedFrames / CodedFramesX. */
        CODED_FRAMES,
        SEQUENCE_END,
        /** E-RTMP Metadata (AMF, e.g. colorInfo). */
        METADATA,
        /** A video info / command frame (FrameType 5). */
        COMMAND,
        /** E-RTMP MPEG2TSSequenceStart. */
        MPEG2TS_SEQUENCE_START
    }

    /** Normalises a tag; throws {@link FlvFormatException} for a bad header or a legacy codec other than AVC. */
    public static VideoPacket of(VideoTag tag) {
        byte[] body = tag.body();
        VideoTagHeader header = VideoTagHeader.parse(body);
        byte[] payload = Arrays.copyOfRange(body, header.length(), body.length);
        VideoCodec codec;
        Kind kind;
        if (header instanceof LegacyVideoTagHeader legacy) {
            if (legacy.codecId() != LegacyVideoTagHeader.CODEC_ID_AVC) {
                throw new FlvFormatException("legacy video CodecID " + legacy.codecId()
                        + " is not supported (only 7, AVC)");
            }
            codec = VideoCodec.AVC;
            kind = legacy.frameType() == VideoFrameType.COMMAND ? Kind.COMMAND : kindOf(legacy.avcPacketType());
        } else {
            ExVideoTagHeader ex = (ExVideoTagHeader) header;
            codec = ex.codec();
            kind = codec == null ? Kind.COMMAND : kindOf(ex.packetType());
        }
        boolean keyframe = kind == Kind.CODED_FRAMES && (header.frameType() == VideoFrameType.KEY_FRAME
                || header.frameType() == VideoFrameType.GENERATED_KEY_FRAME);
        return new VideoPacket(codec, kind, keyframe, tag.timestamp(), header.compositionTime(), payload);
    }

    private static Kind kindOf(AvcPacketType t) {
        switch (t) {
            case SEQUENCE_HEADER:
                return Kind.SEQUENCE_HEADER;
            case NALU:
                return Kind.CODED_FRAMES;
            default:
                return Kind.SEQUENCE_END;
        }
    }

    private static Kind kindOf(VideoPacketType t) {
        switch (t) {
            case SEQUENCE_START:
                return Kind.SEQUENCE_HEADER;
            case CODED_FRAMES:
            case CODED_FRAMES_X:
                return Kind.CODED_FRAMES;
            case SEQUENCE_END:
                return Kind.SEQUENCE_END;
            case METADATA:
                return Kind.METADATA;
            default:
                return Kind.MPEG2TS_SEQUENCE_START;
        }
    }

    public boolean isSequenceHeader() {
        return kind == Kind.SEQUENCE_HEADER;
    }

    /** Presentation timestamp in milliseconds. */
    public long pts() {
        return dts + compositionTimeOffset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoPacket p && p.codec == codec && p.kind == kind && p.keyframe == keyframe
                && p.dts == dts && p.compositionTimeOffset == compositionTimeOffset
                && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + Long.hashCode(dts);
    }

    @Override
    public String toString() {
        return "VideoPacket[" + codec + " " + kind + (keyframe ? " key" : "") + " dts=" + dts + " cto="
                + compositionTimeOffset + ", " + payload.length + " bytes]";
    }
}
