package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;

/** Abort Message, type 2 (RTMP spec 5.4.2): drop the partial message of a chunk stream. */
public record Abort(long chunkStreamId) implements RtmpMessage {

    public static final int TYPE_ID = 2;

    public Abort {
        BigEndian.requireUint32(chunkStreamId, "chunk stream id");
    }

    static Abort decode(byte[] payload) {
        BigEndian.require(payload, 4, "Abort");
        return new Abort(BigEndian.uint32(payload, 0));
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    @Override
    public RawMessage encode() {
        return RtmpMessage.control(TYPE_ID, BigEndian.uint32(chunkStreamId));
    }
}
