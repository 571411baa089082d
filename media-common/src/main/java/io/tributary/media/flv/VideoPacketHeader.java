package io.tributary.media.flv;

import io.tributary.media.codec.VideoCodec;

/**
 * A {@link VideoPacket} without its payload: what a video tag is, read from its header alone, for callers that only
 * sort tags (the GOP assembler for every frame, the GOP record reader) and should not copy a frame to learn whether
 * it is a keyframe.
 *
 * @param codec                 null only for an E-RTMP command frame (which names no codec)
 * @param keyframe              a coded frame a decoder can start from (FrameType 1 or 4)
 * @param compositionTimeOffset pts - dts in milliseconds (0 where the header has no CompositionTime)
 * @param payloadOffset         where the codec payload starts in the tag body: the header's length
 */
public record VideoPacketHeader(VideoCodec codec, VideoPacket.Kind kind, boolean keyframe, int compositionTimeOffset,
                                int payloadOffset) {

    /** Normalises a tag's header; throws {@link FlvFormatException} for a bad one or a legacy codec other than AVC. */
    public static VideoPacketHeader of(VideoTag tag) {
        VideoTagHeader header = VideoTagHeader.parse(tag.body());
        VideoCodec codec;
        VideoPacket.Kind kind;
        if (header instanceof LegacyVideoTagHeader legacy) {
            if (legacy.codecId() != LegacyVideoTagHeader.CODEC_ID_AVC) {
                throw new FlvFormatException("legacy video CodecID " + legacy.codecId()
                        + " is not supported (only 7, AVC)");
            }
            codec = VideoCodec.AVC;
            kind = legacy.frameType() == VideoFrameType.COMMAND ? VideoPacket.Kind.COMMAND
                    : kindOf(legacy.avcPacketType());
        } else {
            ExVideoTagHeader ex = (ExVideoTagHeader) header;
            codec = ex.codec();
            kind = codec == null ? VideoPacket.Kind.COMMAND : kindOf(ex.packetType());
        }
        boolean keyframe = kind == VideoPacket.Kind.CODED_FRAMES
                && (header.frameType() == VideoFrameType.KEY_FRAME
                || header.frameType() == VideoFrameType.GENERATED_KEY_FRAME);
        return new VideoPacketHeader(codec, kind, keyframe, header.compositionTime(), header.length());
    }

    public boolean isSequenceHeader() {
        return kind == VideoPacket.Kind.SEQUENCE_HEADER;
    }

    private static VideoPacket.Kind kindOf(AvcPacketType t) {
        switch (t) {
            case SEQUENCE_HEADER:
                return VideoPacket.Kind.SEQUENCE_HEADER;
            case NALU:
                return VideoPacket.Kind.CODED_FRAMES;
            default:
                return VideoPacket.Kind.SEQUENCE_END;
        }
    }

    private static VideoPacket.Kind kindOf(VideoPacketType t) {
        switch (t) {
            case SEQUENCE_START:
                return VideoPacket.Kind.SEQUENCE_HEADER;
            case CODED_FRAMES:
            case CODED_FRAMES_X:
                return VideoPacket.Kind.CODED_FRAMES;
            case SEQUENCE_END:
                return VideoPacket.Kind.SEQUENCE_END;
            case METADATA:
                return VideoPacket.Kind.METADATA;
            default:
                return VideoPacket.Kind.MPEG2TS_SEQUENCE_START;
        }
    }
}
