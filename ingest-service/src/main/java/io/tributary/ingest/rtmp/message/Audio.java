package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;

/**
 * Audio message, type 8 (RTMP spec 7.1.4): one FLV audio tag body (legacy or Enhanced RTMP). The payload is
 * not copied: it is the array the chunk decoder assembled.
 */
public record Audio(int messageStreamId, long timestamp, byte[] payload) implements RtmpMessage {

    public static final int TYPE_ID = 8;

    static Audio decode(RawMessage raw) {
        return new Audio(raw.messageStreamId(), raw.timestamp(), raw.payload());
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
        return "Audio[stream=" + messageStreamId + ", timestamp=" + timestamp + ", length=" + payload.length + "]";
    }
}
