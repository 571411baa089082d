package io.tributary.bench.load;

import io.tributary.media.flv.FlvTag;

/**
 * One audio or video tag of the source clip, classified once so that the publishers' scheduler does no parsing.
 *
 * @param typeId    8 audio, 9 video: the FLV TagType, which is also the RTMP message type id
 * @param timestamp milliseconds into the clip
 * @param body      the tag body, which is exactly the RTMP message payload
 * @param keyframe  a video keyframe (FLV FrameType 1, FLV 10.1 §E.4.3.1)
 * @param config    an AVC sequence header or an AAC AudioSpecificConfig (AVCPacketType / AACPacketType 0)
 */
record ClipTag(int typeId, long timestamp, byte[] body, boolean keyframe, boolean config) {

    private static final int CODEC_AVC = 7;
    private static final int SOUND_FORMAT_AAC = 10;

    static ClipTag of(FlvTag tag) {
        byte[] body = tag.body();
        int first = body.length > 0 ? body[0] & 0xFF : 0;
        boolean packetTypeZero = body.length > 1 && body[1] == 0;
        if (tag.tagType() == FlvTag.TYPE_VIDEO) {
            boolean avc = (first & 0x0F) == CODEC_AVC;
            return new ClipTag(FlvTag.TYPE_VIDEO, tag.timestamp(), body, (first >> 4) == 1 && !(avc && packetTypeZero),
                    avc && packetTypeZero);
        }
        return new ClipTag(FlvTag.TYPE_AUDIO, tag.timestamp(), body, false,
                (first >> 4) == SOUND_FORMAT_AAC && packetTypeZero);
    }
}
