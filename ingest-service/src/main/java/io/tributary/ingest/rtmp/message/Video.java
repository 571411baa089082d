package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;

/**
 * Video message, type 9 (RTMP spec 7.1.5): one FLV video tag body (legacy or Enhanced RTMP). The payload is
 * not copied: it is the array the chunk decoder assembled.
 */
public record Video(int messageStreamId, long timestamp, byte[] payload) implements RtmpMessage {

    public static final int TYPE_ID = 9;

    static Video decode(RawMessage raw) {
        return new Video(raw.messageStreamId(), raw.timestamp(), raw.payload());
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    @Override
    public RawMessage encode() {
        return new RawMessage(TYPE_ID, messageStreamId, timestamp, payload);
    }

    @Override
    public String toString() {
        return "Video[stream=" + messageStreamId + ", timestamp=" + timestamp + ", length=" + payload.length + "]";
    }
}
