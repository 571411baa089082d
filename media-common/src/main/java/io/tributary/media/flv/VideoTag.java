package io.tributary.media.flv;

import java.util.Arrays;
import java.util.Objects;

/**
 * An FLV video tag (TagType 9, FLV 10.1 §E.4.3); its body starts with the
 * VideoTagHeader, legacy or E-RTMP. Equal when timestamp and body bytes are equal.
 */
public record VideoTag(long timestamp, byte[] body) implements FlvTag {
    public VideoTag {
        Objects.requireNonNull(body, "body");
        TagBytes.checkTag(timestamp, body);
    }

    /** A tag whose body is the header followed by the codec payload. */
    public static VideoTag of(long timestamp, VideoTagHeader header, byte[] payload) {
        byte[] h = header.toBytes();
        byte[] body = Arrays.copyOf(h, h.length + payload.length);
        System.arraycopy(payload, 0, body, h.length, payload.length);
        return new VideoTag(timestamp, body);
    }

    @Override
    public int tagType() {
        return TYPE_VIDEO;
    }

    /** The parsed VideoTagHeader; throws {@link FlvFormatException} if the body does not start with one. */
    public VideoTagHeader header() {
        return VideoTagHeader.parse(body);
    }

    /** The normalised view (codec, kind, timestamps, payload); throws {@link FlvFormatException}. */
    public VideoPacket packet() {
        return VideoPacket.of(this);
    }

    /** The normalised view without the payload (no copy); throws {@link FlvFormatException}. */
    public VideoPacketHeader packetHeader() {
        return VideoPacketHeader.of(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoTag t && t.timestamp == timestamp && Arrays.equals(t.body, body);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "VideoTag[timestamp=" + timestamp + ", " + body.length + " bytes]";
    }
}
