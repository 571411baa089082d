package io.tributary.media.flv;

import io.tributary.media.codec.FourCc;
import io.tributary.media.codec.VideoCodec;

/**
 * The E-RTMP ExVideoTagHeader (Enhanced RTMP v1, Table 4; v2 "Enhanced Video"): IsExHeader UB[1] = 1,
 * FrameType UB[3], PacketType UB[4], then the video FourCC UI32, then for CodedFrames of {@code avc1} and
 * {@code hvc1} a CompositionTime SI24. A command frame (FrameType 5, any packet type but Metadata) carries a UI8
 * command instead of a FourCC (v2). Multitrack and ModEx packets (v2) are rejected: Tributary does not carry them.
 *
 * @param frameType       null only for a Metadata packet whose (ignored) frame type is reserved
 * @param codec           null only for a command frame
 * @param compositionTime SI24 milliseconds when {@link #hasCompositionTime()}, else 0
 * @param videoCommand    0 to 255 for a command frame, else -1
 */
public record ExVideoTagHeader(VideoFrameType frameType, VideoPacketType packetType, VideoCodec codec,
                               int compositionTime, int videoCommand) implements VideoTagHeader {

    private static final int MULTITRACK = 6;
    private static final int MOD_EX = 7;

    public ExVideoTagHeader {
        if (packetType == null) {
            throw new IllegalArgumentException("packetType is required");
        }
        if (frameType == null && packetType != VideoPacketType.METADATA) {
            throw new IllegalArgumentException("frameType is required unless the packet is Metadata");
        }
        boolean command = isCommand(frameType, packetType);
        if (command != (codec == null) || command != (videoCommand >= 0) || videoCommand > 0xFF) {
            throw new IllegalArgumentException("a command frame has a videoCommand 0..255 and no codec; "
                    + "any other packet has a codec and videoCommand -1");
        }
        boolean allowed = carriesCompositionTime(packetType, codec) || compositionTime == 0;
        if (!allowed || !TagBytes.fitsSi24(compositionTime)) {
            throw new IllegalArgumentException("compositionTime must be an SI24, and 0 unless CodedFrames of "
                    + "avc1/hvc1: " + compositionTime);
        }
    }

    /** A header for media: any packet type but a command. */
    public static ExVideoTagHeader of(VideoFrameType frameType, VideoPacketType packetType, VideoCodec codec,
                                      int compositionTime) {
        return new ExVideoTagHeader(frameType, packetType, codec, compositionTime, -1);
    }

    static ExVideoTagHeader parse(byte[] body) {
        int frameBits = (body[0] >> 4) & 0x07;
        int packetBits = body[0] & 0x0F;
        if (packetBits == MULTITRACK || packetBits == MOD_EX) {
            throw new FlvFormatException("E-RTMP video " + (packetBits == MULTITRACK ? "Multitrack" : "ModEx")
                    + " packets are not supported");
        }
        VideoPacketType packetType = VideoPacketType.fromValue(packetBits);
        if (packetType == null) {
            throw new FlvFormatException("reserved E-RTMP VideoPacketType " + packetBits);
        }
        VideoFrameType frameType = VideoFrameType.fromValue(frameBits);
        if (frameType == null && packetType != VideoPacketType.METADATA) {
            throw new FlvFormatException("reserved video FrameType " + frameBits);
        }
        if (isCommand(frameType, packetType)) {
            TagBytes.need(body, 2, "E-RTMP video command frame");
            return new ExVideoTagHeader(frameType, packetType, null, 0, body[1] & 0xFF);
        }
        TagBytes.need(body, 5, "E-RTMP video tag header");
        int fourCc = TagBytes.u32(body, 1);
        VideoCodec codec = VideoCodec.fromFourCc(fourCc);
        if (codec == null) {
            throw new FlvFormatException("unknown E-RTMP video FourCC '" + FourCc.text(fourCc) + "'");
        }
        int compositionTime = 0;
        if (carriesCompositionTime(packetType, codec)) {
            TagBytes.need(body, 8, "E-RTMP CodedFrames header");
            compositionTime = TagBytes.si24(body, 5);
        }
        return new ExVideoTagHeader(frameType, packetType, codec, compositionTime, -1);
    }

    /** True for CodedFrames of avc1 and hvc1, the packets whose header ends with an SI24 composition time. */
    public boolean hasCompositionTime() {
        return carriesCompositionTime(packetType, codec);
    }

    @Override
    public int length() {
        if (codec == null) {
            return 2;
        }
        return hasCompositionTime() ? 8 : 5;
    }

    @Override
    public byte[] toBytes() {
        byte[] b = new byte[length()];
        int frameBits = frameType == null ? 0 : frameType.value();
        b[0] = (byte) (0x80 | (frameBits << 4) | packetType.value());
        if (codec == null) {
            b[1] = (byte) videoCommand;
            return b;
        }
        TagBytes.putU32(b, 1, codec.fourCcValue());
        if (hasCompositionTime()) {
            TagBytes.putSi24(b, 5, compositionTime);
        }
        return b;
    }

    private static boolean isCommand(VideoFrameType frameType, VideoPacketType packetType) {
        return frameType == VideoFrameType.COMMAND && packetType != VideoPacketType.METADATA;
    }

    private static boolean carriesCompositionTime(VideoPacketType packetType, VideoCodec codec) {
        return packetType == VideoPacketType.CODED_FRAMES && (codec == VideoCodec.AVC || codec == VideoCodec.HEVC);
    }
}
