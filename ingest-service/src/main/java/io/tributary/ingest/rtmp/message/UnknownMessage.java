package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;

/** A message of a type id the RTMP specification does not define: kept undecoded, ignored, never a close. */
public record UnknownMessage(int typeId, int messageStreamId, long timestamp, byte[] payload) implements RtmpMessage {

    static UnknownMessage decode(RawMessage raw) {
        return new UnknownMessage(raw.typeId(), raw.messageStreamId(), raw.timestamp(), raw.payload());
    }

    @Override
    public RawMessage encode() {
        return new RawMessage(typeId, messageStreamId, timestamp, payload);
    }

    @Override
    public String toString() {
        return "UnknownMessage[type=" + typeId + ", stream=" + messageStreamId + ", length=" + payload.length + "]";
    }
}
