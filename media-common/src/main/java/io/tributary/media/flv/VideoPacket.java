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

    /**
     * Normalises a tag; throws {@link FlvFormatException} for a bad header or a legacy codec other than AVC. Copies
     * the payload: use {@link VideoPacketHeader#of} where the header is all that is needed.
     */
    public static VideoPacket of(VideoTag tag) {
        byte[] body = tag.body();
        VideoPacketHeader header = VideoPacketHeader.of(tag);
        return new VideoPacket(header.codec(), header.kind(), header.keyframe(), tag.timestamp(),
                header.compositionTimeOffset(), Arrays.copyOfRange(body, header.payloadOffset(), body.length));
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
