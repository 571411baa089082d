package io.tributary.media.flv;

/**
 * The pre-2023 VideoTagHeader (FLV 10.1 §E.4.3.1): FrameType UB[4], CodecID UB[4], then for CodecID 7 (AVC) an
 * AVCPacketType UI8 and a CompositionTime SI24. A command frame (FrameType 5) carries a UI8 command instead
 * (Enhanced RTMP v2, "Enhanced Video").
 *
 * @param codecId         2 to 7 (7 is AVC; the others are accepted here but carry no codec Tributary handles)
 * @param avcPacketType   present when codecId is 7 and the frame is not a command, else null
 * @param compositionTime SI24 milliseconds for AVC (meaningful for NALU packets), else 0
 * @param videoCommand    0 to 255 for a command frame, else -1
 */
public record LegacyVideoTagHeader(VideoFrameType frameType, int codecId, AvcPacketType avcPacketType,
                                   int compositionTime, int videoCommand) implements VideoTagHeader {

    public static final int CODEC_ID_AVC = 7;

    public LegacyVideoTagHeader {
        if (frameType == null) {
            throw new IllegalArgumentException("frameType is required");
        }
        if (codecId < 2 || codecId > CODEC_ID_AVC) {
            throw new IllegalArgumentException("legacy CodecID must be 2..7: " + codecId);
        }
        boolean command = frameType == VideoFrameType.COMMAND;
        boolean avc = codecId == CODEC_ID_AVC && !command;
        if (command != (videoCommand >= 0) || videoCommand > 0xFF) {
            throw new IllegalArgumentException("videoCommand is 0..255 for a command frame and -1 otherwise");
        }
        if (avc != (avcPacketType != null)) {
            throw new IllegalArgumentException("avcPacketType is present exactly for non-command AVC frames");
        }
        if ((!avc && compositionTime != 0) || !TagBytes.fitsSi24(compositionTime)) {
            throw new IllegalArgumentException("compositionTime must be an SI24, and 0 unless AVC: " + compositionTime);
        }
    }

    /** An AVC header. */
    public static LegacyVideoTagHeader avc(VideoFrameType frameType, AvcPacketType packetType, int compositionTime) {
        return new LegacyVideoTagHeader(frameType, CODEC_ID_AVC, packetType, compositionTime, -1);
    }

    static LegacyVideoTagHeader parse(byte[] body) {
        int frameBits = (body[0] >> 4) & 0x07;
        int codecId = body[0] & 0x0F;
        VideoFrameType frameType = VideoFrameType.fromValue(frameBits);
        if (frameType == null) {
            throw new FlvFormatException("reserved video FrameType " + frameBits);
        }
        if (codecId < 2 || codecId > CODEC_ID_AVC) {
            throw new FlvFormatException("reserved video CodecID " + codecId);
        }
        if (frameType == VideoFrameType.COMMAND) {
            TagBytes.need(body, 2, "video command frame");
            return new LegacyVideoTagHeader(frameType, codecId, null, 0, body[1] & 0xFF);
        }
        if (codecId != CODEC_ID_AVC) {
            return new LegacyVideoTagHeader(frameType, codecId, null, 0, -1);
        }
        TagBytes.need(body, 5, "AVC video tag header");
        AvcPacketType packetType = AvcPacketType.fromValue(body[1] & 0xFF);
        if (packetType == null) {
            throw new FlvFormatException("unknown AVCPacketType " + (body[1] & 0xFF));
        }
        return new LegacyVideoTagHeader(frameType, codecId, packetType, TagBytes.si24(body, 2), -1);
    }

    @Override
    public int length() {
        if (frameType == VideoFrameType.COMMAND) {
            return 2;
        }
        return codecId == CODEC_ID_AVC ? 5 : 1;
    }

    @Override
    public byte[] toBytes() {
        byte[] b = new byte[length()];
        b[0] = (byte) ((frameType.value() << 4) | codecId);
        if (frameType == VideoFrameType.COMMAND) {
            b[1] = (byte) videoCommand;
        } else if (codecId == CODEC_ID_AVC) {
            b[1] = (byte) avcPacketType.value();
            TagBytes.putSi24(b, 2, compositionTime);
        }
        return b;
    }
}
