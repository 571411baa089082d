package io.tributary.media.flv;

/**
 * The header at the start of a video tag body: the legacy VideoTagHeader (FLV 10.1 §E.4.3.1) when the top bit of
 * the first byte is clear, the E-RTMP ExVideoTagHeader (Enhanced RTMP v1, Table 4) when it is set.
 */
public sealed interface VideoTagHeader permits LegacyVideoTagHeader, ExVideoTagHeader {

    /** The frame type; null only for an E-RTMP Metadata packet carrying a reserved one (it is ignored there). */
    VideoFrameType frameType();

    /** Composition time offset in milliseconds (pts - dts), 0 where the header has none. */
    int compositionTime();

    /** Bytes of the tag body this header takes: the codec payload starts here. */
    int length();

    byte[] toBytes();

    static VideoTagHeader parse(byte[] body) {
        if (body.length == 0) {
            throw new FlvFormatException("empty video tag");
        }
        return (body[0] & 0x80) != 0 ? ExVideoTagHeader.parse(body) : LegacyVideoTagHeader.parse(body);
    }
}
