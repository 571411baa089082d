package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;

/**
 * Shared Object message, type 16 (AMF3) or 19 (AMF0) (RTMP spec 7.1.3). An ingest has no use for remote shared
 * objects: kept undecoded so the session can ignore it.
 */
public record SharedObject(int typeId, int messageStreamId, long timestamp, byte[] payload) implements RtmpMessage {

    public static final int TYPE_ID_AMF3 = 16;
    public static final int TYPE_ID_AMF0 = 19;

    public SharedObject {
        if (typeId != TYPE_ID_AMF0 && typeId != TYPE_ID_AMF3) {
            throw new IllegalArgumentException("not a shared object type: " + typeId);
        }
    }

    static SharedObject decode(RawMessage raw) {
        return new SharedObject(raw.typeId(), raw.messageStreamId(), raw.timestamp(), raw.payload());
    }

    @Override
    public RawMessage encode() {
        return new RawMessage(typeId, messageStreamId, timestamp, payload);
    }

    @Override
    public String toString() {
        return "SharedObject[type=" + typeId + ", stream=" + messageStreamId + ", length=" + payload.length + "]";
    }
}
