package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;

/** Acknowledgement, type 3 (RTMP spec 5.4.3): the number of bytes received so far, modulo 2^32. */
public record Acknowledgement(long sequenceNumber) implements RtmpMessage {

    public static final int TYPE_ID = 3;

    public Acknowledgement {
        BigEndian.requireUint32(sequenceNumber, "sequence number");
    }

    static Acknowledgement decode(byte[] payload) {
        BigEndian.require(payload, 4, "Acknowledgement");
        return new Acknowledgement(BigEndian.uint32(payload, 0));
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    @Override
    public RawMessage encode() {
        return RtmpMessage.control(TYPE_ID, BigEndian.uint32(sequenceNumber));
    }
}
