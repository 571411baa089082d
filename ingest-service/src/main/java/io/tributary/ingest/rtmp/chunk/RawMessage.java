package io.tributary.ingest.rtmp.chunk;

import java.util.Arrays;
import java.util.Objects;

/**
 * One RTMP message as the chunk stream carries it (RTMP spec 5.3.1.2): the header fields and the payload, not yet
 * interpreted. The payload array is owned by the message; nobody writes to it after construction.
 *
 * @param typeId          message type id, 0..255 (1-6 protocol control, 8 audio, 9 video, 20 command...)
 * @param messageStreamId message stream id (0 for the NetConnection, the createStream answer for a NetStream)
 * @param timestamp       absolute timestamp in milliseconds, an unsigned 32-bit value (wraps after ~49.7 days)
 * @param payload         the message body
 */
public record RawMessage(int typeId, int messageStreamId, long timestamp, byte[] payload) {

    /** Timestamps are unsigned 32-bit on the wire (RTMP spec 5.3.1.2.1). */
    public static final long TIMESTAMP_MASK = 0xFFFF_FFFFL;

    public RawMessage {
        if (typeId < 0 || typeId > 0xFF) {
            throw new IllegalArgumentException("type id out of range: " + typeId);
        }
        if (timestamp < 0 || timestamp > TIMESTAMP_MASK) {
            throw new IllegalArgumentException("timestamp out of range: " + timestamp);
        }
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawMessage m
                && typeId == m.typeId
                && messageStreamId == m.messageStreamId
                && timestamp == m.timestamp
                && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeId, messageStreamId, timestamp, Arrays.hashCode(payload));
    }

    /** Never the payload: a command's payload may hold a stream key. */
    @Override
    public String toString() {
        return "RawMessage[type=" + typeId + ", stream=" + messageStreamId + ", timestamp=" + timestamp
                + ", length=" + payload.length + "]";
    }
}
