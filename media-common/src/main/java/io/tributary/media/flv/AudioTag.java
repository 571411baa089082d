package io.tributary.media.flv;

import java.util.Arrays;
import java.util.Objects;

/**
 * An FLV audio tag (TagType 8, FLV 10.1 §E.4.2); its body starts with the
 * AudioTagHeader, legacy or E-RTMP. Equal when timestamp and body bytes are equal.
 */
public record AudioTag(long timestamp, byte[] body) implements FlvTag {
    public AudioTag {
        Objects.requireNonNull(body, "body");
        TagBytes.checkTag(timestamp, body);
    }

    /** A tag whose body is the header followed by the codec payload. */
    public static AudioTag of(long timestamp, AudioTagHeader header, byte[] payload) {
        byte[] h = header.toBytes();
        byte[] body = Arrays.copyOf(h, h.length + payload.length);
        System.arraycopy(payload, 0, body, h.length, payload.length);
        return new AudioTag(timestamp, body);
    }

    @Override
    public int tagType() {
        return TYPE_AUDIO;
    }

    /** The parsed AudioTagHeader; throws {@link FlvFormatException} if the body does not start with one. */
    public AudioTagHeader header() {
        return AudioTagHeader.parse(body);
    }

    /** The normalised view (codec, kind, timestamps, payload); throws {@link FlvFormatException}. */
    public AudioPacket packet() {
        return AudioPacket.of(this);
    }

    /** The normalised view without the payload (no copy); throws {@link FlvFormatException}. */
    public AudioPacketHeader packetHeader() {
        return AudioPacketHeader.of(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioTag t && t.timestamp == timestamp && Arrays.equals(t.body, body);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "AudioTag[timestamp=" + timestamp + ", " + body.length + " bytes]";
    }
}
